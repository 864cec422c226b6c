import { createHash } from 'node:crypto'

/**
 * What an audit entry may say about free text someone typed (a reason, a comment, a name, a file
 * name): its length and SHA-256, never the text (DESIGN.md §4: entries hold ids, kinds and
 * hashes). The hash lets anyone holding the text show it is the one the entry refers to; it does
 * not hide a short, guessable text from someone who tries candidates.
 */
export interface TextDigest {
  chars: number
  sha256: string
}

export function textDigest(text: string): TextDigest
export function textDigest(text: string | null | undefined): TextDigest | null
export function textDigest(text: string | null | undefined): TextDigest | null {
  if (text === null || text === undefined) return null
  return { chars: [...text].length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') }
}
