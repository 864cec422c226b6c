import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { KaoheError } from '@shared/errors'

/**
 * A font with Chinese glyphs for the PDFs Kaohe prints (ballot code slips), found on the machine:
 * KAOHE_CJK_FONT first (a .ttf/.otf/.ttc; for a collection KAOHE_CJK_FONT_FAMILY names the face),
 * then the usual places on Debian/Ubuntu (fonts-noto-cjk), Windows and macOS. When none is there the
 * error names every place looked in.
 */
export interface CjkFont {
  path: string
  /** The face inside a .ttc collection; undefined for a single-font file. */
  family?: string
}

function candidates(env: NodeJS.ProcessEnv): CjkFont[] {
  const windir = env.WINDIR ?? env.windir ?? 'C:\\Windows'
  const list: CjkFont[] = []
  if (env.KAOHE_CJK_FONT) list.push({ path: env.KAOHE_CJK_FONT, family: env.KAOHE_CJK_FONT_FAMILY || undefined })
  list.push(
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
    { path: join(windir, 'Fonts', 'msyh.ttc'), family: 'MicrosoftYaHei' },
    { path: join(windir, 'Fonts', 'simsun.ttc'), family: 'SimSun' },
    { path: join(windir, 'Fonts', 'simhei.ttf') },
    { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
    { path: '/System/Library/Fonts/STHeiti Light.ttc', family: 'STHeitiSC-Light' },
    { path: '/Library/Fonts/Arial Unicode.ttf' },
  )
  return list
}

export function findCjkFont(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): CjkFont {
  const list = candidates(env)
  const found = list.find((c) => exists(c.path))
  if (!found) throw new KaoheError('CJK_FONT_MISSING', { paths: list.map((c) => c.path).join('; ') })
  return found
}
