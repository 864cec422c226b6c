import { useEffect, useRef, useState, type ReactNode } from 'react'

export interface VirtualListProps<T> {
  items: readonly T[]
  /** Every row is exactly this tall (px): the window is computed, never measured. */
  rowHeight: number
  /** The scroll box's height (CSS). */
  height: number | string
  getKey: (item: T) => string | number
  renderRow: (item: T, index: number) => ReactNode
  /** Called with the last rendered index whenever it changes (for infinite loading). */
  onRange?: (lastIndex: number) => void
  /** Rows rendered above and below the visible ones. */
  overscan?: number
  /** Below the rows (a loader, "no more"). */
  footer?: ReactNode
  'data-testid'?: string
}

/** The viewport assumed before the box has been laid out (jsdom, first paint). */
const FALLBACK_VIEWPORT = 800

/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, absolutely placed inside a
 * spacer as tall as all rows, so thousands of entries scroll like a dozen. Fixed row height keeps
 * it to arithmetic; rows that need more room open a detail view instead of growing.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  getKey,
  renderRow,
  onRange,
  overscan = 6,
  footer,
  'data-testid': testid,
}: VirtualListProps<T>) {
  const box = useRef<HTMLDivElement>(null)
  const [firstRow, setFirstRow] = useState(0)
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const measure = () => setViewport(el.clientHeight || FALLBACK_VIEWPORT)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // A new list (other filters) starts at the top.
  const firstKey = items.length > 0 ? getKey(items[0] as T) : null
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0
    setFirstRow(0)
  }, [firstKey])

  const start = Math.max(0, firstRow - overscan)
  const end = Math.min(items.length, firstRow + Math.ceil(viewport / rowHeight) + overscan)

  useEffect(() => {
    onRange?.(end - 1)
  }, [end, onRange])

  const rows: ReactNode[] = []
  for (let i = start; i < end; i++) {
    const item = items[i] as T
    rows.push(
      <div
        key={getKey(item)}
        role="listitem"
        style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}
      >
        {renderRow(item, i)}
      </div>,
    )
  }

  return (
    <div
      ref={box}
      role="list"
      data-testid={testid}
      style={{ height, overflowY: 'auto', position: 'relative', contain: 'strict' }}
      onScroll={(e) => setFirstRow(Math.floor(e.currentTarget.scrollTop / rowHeight))}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>{rows}</div>
      {footer}
    </div>
  )
}
