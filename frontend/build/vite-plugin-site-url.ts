/**
 * The page's public address in its share tags. Crawlers (link previews in chats and social networks) run no
 * JavaScript and want absolute image URLs, which only the deployer knows: `SITE_URL=https://example.org npm
 * run build` writes it in front of `%SITE_URL%` in index.html. Without it the paths stay root-relative,
 * which most crawlers resolve against the shared link.
 */
import type { Plugin } from 'vite';

export function siteUrl(value = process.env.SITE_URL): Plugin {
  let origin = '';
  if (value !== undefined && value.trim() !== '') {
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      throw new Error(`SITE_URL is not a URL: "${value}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be http(s): "${value}"`);
    origin = url.href.replace(/\/+$/, '');
  }
  return {
    name: 'site-url',
    transformIndexHtml: (html) => html.replaceAll('%SITE_URL%', origin),
  };
}
