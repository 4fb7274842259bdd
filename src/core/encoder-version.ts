/**
 * An encoder id may end in a version (`glove:wink-sg-100d:v2`): the code that turns words into
 * vectors changed, so a model trained on the older version's vectors can never run again. BERT ids
 * (`bert:Xenova/bert-base-uncased:cls:fp32`) carry no version: they name the weights they load.
 */
const VERSIONED = /^(.+):v(\d+)$/;

/**
 * True when `newer` is a later version of the same encoder as `older`.
 *
 * @example
 * supersedes('glove:wink-sg-100d:v2', 'glove:wink-sg-100d:v1') // true
 * supersedes('glove:wink-sg-100d:v2', 'bert:Xenova/bert-base-uncased:cls:fp32') // false
 */
export function supersedes(newer: string, older: string): boolean {
  const a = VERSIONED.exec(newer);
  const b = VERSIONED.exec(older);
  if (!a || !b || a[1] !== b[1]) return false;
  return Number(a[2]) > Number(b[2]);
}
