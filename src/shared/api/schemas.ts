import { z } from 'zod'
import { ROLES } from '../roles'

/** Input pieces several slices share. */
export const none = z.object({}).strict()
export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only')
export const displayName = z.string().trim().min(1).max(40)
export const password = z.string().min(1).max(128)
export const role = z.enum(ROLES)
export const path = z.string().trim().min(1).max(1024)
export const newAccount = z.object({ username, displayName, password }).strict()
export const id = z.number().int().positive()
export const year = z.number().int().min(2000).max(2100)
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
export const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
/** Files cross the boundary as base64 (the renderer reads them with the DOM File API); 20 MB at most. */
export const fileContent = z
  .object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string().max(28_000_000) })
  .strict()
