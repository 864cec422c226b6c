import { z } from 'zod'
import type * as B from '../bundles'
import { DOWNWARD_KINDS } from '../bundles'
import type { FileContent } from './types'
import { method } from './method'
import { fileContent, year } from './schemas'

const packageId = z.string().regex(/^[0-9a-f]{32}$/, '32 hex digits')
const officeUid = z.string().regex(/^[0-9a-f]{32}$/, '32 hex digits')

/**
 * Sealed packages (上报包 and 下发包, DESIGN.md §5, issue 11): export, verify, dry run, import in one
 * transaction, receipts, the package log, and at the superior the consolidated results and the 备案
 * documents. How to add a method: docs/architecture.md, “Adding an API method”.
 */
export const bundlesMethods = {
  /** The year's final results, sealed for the registered superior office (unit only). */
  'bundles.exportResults': method<B.ExportedPackage>()({
    input: z.object({ year }).strict(),
    permission: 'bundles.exchange',
    kind: 'write',
  }),
  /**
   * A downward package for one unit (superior only): `policy` and `guideline` take the file `kaohe
   * policy import` / the guideline editor read, `calendar` a holiday table, `quota` the approval.
   */
  'bundles.exportDownward': method<B.ExportedPackage>()({
    input: z
      .object({
        officeUid,
        kind: z.enum(DOWNWARD_KINDS),
        year,
        file: fileContent.optional(),
        quota: z
          .object({
            document: z.string().trim().min(1).max(120),
            count: z.number().int().min(0).max(100_000).optional(),
            rate: z.number().min(0).max(100).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    permission: 'bundles.exchange',
    kind: 'write',
  }),
  /** The receipt for a package received, issued again (it was made when the package was imported). */
  'bundles.exportReceipt': method<B.ExportedPackage>()({ input: z.object({ packageId }).strict(), permission: 'bundles.exchange', kind: 'read' }),
  /** A package sent earlier, the same file again (for one not yet acknowledged). */
  'bundles.resend': method<B.ExportedPackage>()({ input: z.object({ packageId }).strict(), permission: 'bundles.exchange', kind: 'read' }),
  /** Every check without importing. */
  'bundles.verify': method<B.PackageVerification>()({ input: z.object({ file: fileContent }).strict(), permission: 'bundles.exchange', kind: 'read' }),
  /** Dry run: every check, and what an import would change. */
  'bundles.preview': method<B.ImportPreview>()({ input: z.object({ file: fileContent }).strict(), permission: 'bundles.exchange', kind: 'read' }),
  /** Imports in one transaction, with the receipt to carry back; the same package twice changes nothing. */
  'bundles.import': method<B.ImportResult>()({ input: z.object({ file: fileContent }).strict(), permission: 'bundles.exchange', kind: 'write' }),
  'bundles.list': method<B.PackageView[]>()({
    input: z
      .object({ direction: z.enum(['in', 'out']).optional(), officeUid: officeUid.optional(), unacknowledged: z.boolean().optional() })
      .strict(),
    permission: 'bundles.exchange',
    kind: 'read',
  }),
  /** At the superior: every unit's results for the year (optionally one unit). */
  'bundles.consolidated': method<B.ConsolidatedView>()({
    input: z.object({ year, unitUid: officeUid.optional() }).strict(),
    permission: 'bundles.consolidated',
    kind: 'read',
  }),
  'bundles.exportConsolidated': method<FileContent & { rows: number }>()({
    input: z.object({ year }).strict(),
    permission: 'bundles.consolidated',
    kind: 'read',
  }),
  /**
   * 年度考核备案报告 (PDF: counts per grade, 优秀 share against the quota and any approval, 不定等次
   * with reasons, the list of those proposed 优秀). At a unit: its own year, from the payload it
   * sends; at the superior: the unit's, from the payload it received — the same document.
   */
  'bundles.filingReport': method<FileContent>()({
    input: z.object({ year, unitUid: officeUid.optional() }).strict(),
    permission: 'bundles.consolidated',
    kind: 'read',
  }),
  /** 《机关公务员年度考核花名册》 (Excel: 工号, 姓名, 职务职级, 等次), from the same payload. */
  'bundles.filingRoster': method<FileContent & { rows: number }>()({
    input: z.object({ year, unitUid: officeUid.optional() }).strict(),
    permission: 'bundles.consolidated',
    kind: 'read',
  }),
}
