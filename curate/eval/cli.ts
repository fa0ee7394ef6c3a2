/** `npm run draft:eval`: drafts every article of data/draft-eval/ and prints the figures against the targets. */
import { readDatasetFiles } from '../../data/load.ts';
import { draftEvalSet, formatFigures, formatReport, heldOutArticles, readEvalSet, scoreDrafts, scoreSubset } from './score.ts';

const articles = await readEvalSet();
const started = performance.now();
const drafts = draftEvalSet(articles, await readDatasetFiles());
const { figures, perArticle } = scoreDrafts(articles, drafts);
console.log(formatReport(figures, perArticle));
console.log(formatFigures('the articles the rules were written on', scoreSubset(articles, drafts, (name) => !heldOutArticles.includes(name))));
console.log(formatFigures('held out', scoreSubset(articles, drafts, (name) => heldOutArticles.includes(name))));
console.log(`(drafted in ${((performance.now() - started) / 1000).toFixed(2)} s)`);
