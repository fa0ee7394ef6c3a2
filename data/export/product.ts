/** The product's name, as the page's heading, citations and the downloads give it. */
export const productTitle = "Afghanistan's neighbours: meetings and statements";
