/**
 * Validates Atom documents against the RELAX NG schema of RFC 4287 (./atom.rng) with xmllint (libxml2
 * compiled to WebAssembly: no system xmllint needed). One xmllint run per call, however many documents.
 */
import { readFile } from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';

const schema = readFile(new URL('./atom.rng', import.meta.url), 'utf8');

/** xmllint's messages, each starting with the document's name; empty when every document is valid Atom. */
export async function atomErrors(documents: Readonly<Record<string, string>>): Promise<string[]> {
  const names = Object.keys(documents);
  const result = await validateXML({
    xml: names.map((name, index) => ({ fileName: `feed-${index}.xml`, contents: documents[name] as string })),
    schema: { fileName: 'atom.rng', contents: await schema },
    extension: 'relaxng',
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage.replace(/feed-(\d+)\.xml/, (_, index: string) => names[Number(index)] as string));
}
