import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core'

/** A deep official blue (藏青); red is kept for danger and errors only. */
const navy: MantineColorsTuple = [
  '#eef3fb',
  '#d9e2f2',
  '#afc2e6',
  '#82a0da',
  '#5d83cf',
  '#4671c9',
  '#3a67c7',
  '#1f4a8a',
  '#1a3f77',
  '#123264',
]

export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 7,
  colors: { navy },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '600' },
  fontFamilyMonospace: '"Noto Sans Mono CJK SC", "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace',
  defaultRadius: 'sm',
  components: {
    // Upper-casing does nothing for Chinese and shouts in English.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
})
