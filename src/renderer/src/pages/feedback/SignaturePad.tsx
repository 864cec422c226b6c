import { useEffect, useRef, useState, type PointerEvent } from 'react'
import { Button, Group } from '@mantine/core'
import { SIGNATURE_MAX_BYTES } from '@shared/feedback'

const W = 480
const H = 140

/**
 * A handwritten signature drawn with the mouse, a pen or a finger (pointer events) on a canvas; after
 * each stroke the picture goes up as a base64 PNG (null when blank). Main checks the PNG and its size.
 */
export function SignaturePad({ onChange, clearLabel }: { onChange: (png: string | null) => void; clearLabel: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const drawing = useRef(false)
  const [empty, setEmpty] = useState(true)

  useEffect(() => {
    const ctx = ref.current?.getContext('2d')
    if (!ctx) return
    ctx.lineWidth = 2.5
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.strokeStyle = '#10233f'
  }, [])

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect()
    return { x: ((e.clientX - r.left) * W) / r.width, y: ((e.clientY - r.top) * H) / r.height }
  }
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d')
    if (!ctx) return
    e.currentTarget.setPointerCapture(e.pointerId)
    drawing.current = true
    const p = point(e)
    ctx.beginPath()
    ctx.moveTo(p.x, p.y)
    ctx.lineTo(p.x + 0.1, p.y + 0.1)
    ctx.stroke()
  }
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return
    const ctx = e.currentTarget.getContext('2d')
    if (!ctx) return
    const p = point(e)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
  }
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return
    drawing.current = false
    setEmpty(false)
    const url = e.currentTarget.toDataURL('image/png')
    const b64 = url.slice(url.indexOf(',') + 1)
    onChange((b64.length * 3) / 4 <= SIGNATURE_MAX_BYTES ? b64 : null)
  }
  const clear = () => {
    const c = ref.current
    c?.getContext('2d')?.clearRect(0, 0, W, H)
    setEmpty(true)
    onChange(null)
  }
  return (
    <Group align="flex-end" gap="xs">
      <canvas
        ref={ref}
        width={W}
        height={H}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        data-testid="feedback-signature-pad"
        style={{ width: W, maxWidth: '100%', height: H, border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 6, touchAction: 'none', background: '#fff', cursor: 'crosshair' }}
      />
      <Button variant="subtle" size="compact-sm" onClick={clear} disabled={empty} data-testid="feedback-signature-clear">
        {clearLabel}
      </Button>
    </Group>
  )
}
