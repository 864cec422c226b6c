import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { OfficeKind } from '@shared/bundles'
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core'
import { useIdle } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo, SetupStatus } from '@shared/api/types'
import { call, useDescribeError, type ClientError } from './api'
import { setPasswordRule } from './password'
import { SessionEventsContext } from './sessionEvents'
import { AuthLayout } from './components/AuthLayout'
import { Welcome } from './screens/Welcome'
import { Login } from './screens/Login'
import { SignInNotices } from './components/SignInNotices'
import { PRELOAD_ALL, lazyPage, preloadAll } from './lazyPage'

// What loads before sign-in is the welcome and sign-in screens; the signed-in frame, its pages and
// the rarer screens are chunks of their own (route-level code splitting, see bench/loginBundle.ts).
const SetupWizard = lazyPage(() => import('./screens/SetupWizard'), 'SetupWizard')
const RecoverPassword = lazyPage(() => import('./screens/RecoverPassword'), 'RecoverPassword')
const ChangePassword = lazyPage(() => import('./screens/ChangePassword'), 'ChangePassword')
const LockScreen = lazyPage(() => import('./screens/LockScreen'), 'LockScreen')
const KioskScreen = lazyPage(() => import('./screens/KioskScreen'), 'KioskScreen')
const BallotKioskScreen = lazyPage(() => import('./pages/democratic/BallotKioskScreen'), 'BallotKioskScreen')
const Shell = lazyPage(() => import('./screens/Shell'), 'Shell')
if (PRELOAD_ALL) await preloadAll([SetupWizard, RecoverPassword, ChangePassword, LockScreen, KioskScreen, BallotKioskScreen, Shell])

/** How often the renderer asks main whether the session is still open and unlocked. */
export const SESSION_POLL_MS = 30_000

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: ClientError }
  | { kind: 'ready'; status: SetupStatus; session: SessionInfo | null }

/**
 * The top-level flow: start → (welcome | wizard) → login → (change password | lock | app shell).
 * Everything is decided from `setup.status` and `auth.session`, which main holds.
 */
export function App() {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  const [wizard, setWizard] = useState(false)
  const [recovering, setRecovering] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  // Issue 7 #9: what the sign-in's own answer says once (reset notice, T3 recovery code).
  const [signInNotice, setSignInNotice] = useState<SessionInfo | null>(null)

  const load = useCallback(async () => {
    const status = await call('setup.status')
    if (!status.ok) {
      setState({ kind: 'error', error: status.error })
      return
    }
    setPasswordRule(status.value.passwordRule)
    let session: SessionInfo | null = null
    if (status.value.initialized) {
      const s = await call('auth.session')
      if (s.ok) session = s.value
    }
    setState({ kind: 'ready', status: status.value, session })
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const setSession = useCallback((session: SessionInfo | null) => {
    setState((prev) => (prev.kind === 'ready' ? { ...prev, session } : prev))
  }, [])

  const refreshSession = useCallback(async () => {
    const s = await call('auth.session')
    if (s.ok) setSession(s.value)
  }, [setSession])

  const events = useMemo(() => ({ sessionMayHaveChanged: () => void refreshSession() }), [refreshSession])

  const signedInUser = state.kind === 'ready' ? (state.session?.userId ?? null) : null

  // Poll main every 30 s to notice a lock (or an expiry) made there.
  useEffect(() => {
    if (signedInUser === null) return
    const id = window.setInterval(() => void refreshSession(), SESSION_POLL_MS)
    return () => window.clearInterval(id)
  }, [signedInUser, refreshSession])

  const signOut = useCallback(async () => {
    await call('auth.logout')
    // The next person at the workstation must not see what the last one was told.
    notifications.clean()
    setNotice(null)
    await load()
  }, [load])

  const loading = (
    <Center h="100vh">
      <Stack align="center" gap="sm">
        <Loader />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Stack>
    </Center>
  )
  let content: React.ReactNode
  if (state.kind === 'loading') {
    content = loading
  } else if (state.kind === 'error') {
    content = (
      <AuthLayout>
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle />} title={t('common.loadFailed')}>
            {describe(state.error)}
          </Alert>
          <Button onClick={() => void load()}>{t('common.retry')}</Button>
        </Stack>
      </AuthLayout>
    )
  } else if (wizard) {
    content = (
      <SetupWizard
        onCancel={() => setWizard(false)}
        onDone={() => {
          setWizard(false)
          void load()
        }}
      />
    )
  } else if (!state.status.initialized) {
    content = (
      <Welcome
        onSetup={() => setWizard(true)}
        onDemoOpened={() => void load()}
      />
    )
  } else if (!state.session && recovering) {
    content = (
      <RecoverPassword
        onBack={() => setRecovering(false)}
        onDone={() => {
          setRecovering(false)
          setNotice(t('recover.done'))
        }}
      />
    )
  } else if (!state.session) {
    content = (
      <Login
        status={state.status}
        notice={notice}
        onSignedIn={(s) => {
          setNotice(null)
          setSignInNotice(s)
          setSession(s)
        }}
        onRecover={() => {
          setNotice(null)
          setRecovering(true)
        }}
      />
    )
  } else if (state.session.kiosk && state.session.ballotKiosk) {
    // 民主测评: the ballot kiosk; main refuses everything else until the starter's password ends it.
    content = <BallotKioskScreen session={state.session} onExited={setSession} />
  } else if (state.session.kiosk) {
    // 现场评价: main refuses everything else until the starter's password ends it.
    content = <KioskScreen session={state.session} onExited={setSession} />
  } else if (state.session.locked) {
    content = <LockScreen session={state.session} onUnlocked={setSession} onSignOut={() => void signOut()} />
  } else if (state.session.mustChangePassword) {
    content = <ChangePassword session={state.session} onChanged={setSession} onSignOut={() => void signOut()} />
  } else {
    content = (
      <>
        <IdleLock
          minutes={state.session.idleLockMinutes}
          onLocked={() => setSession(state.session ? { ...state.session, locked: true } : null)}
        />
        <Shell
          session={state.session}
          // setup.status names the kind of office (issue 11): a superior office sees only its own screens.
          officeKind={(state.status as { officeKind?: OfficeKind }).officeKind ?? 'unit'}
          onLock={async () => {
            await call('auth.lock')
            await refreshSession()
          }}
          onSignOut={() => void signOut()}
        />
      </>
    )
  }

  return (
    <SessionEventsContext.Provider value={events}>
      <Suspense fallback={loading}>{content}</Suspense>
      <SignInNotices info={signInNotice} onClose={() => setSignInNotice(null)} />
    </SessionEventsContext.Provider>
  )
}

/** Locks the session after `minutes` without mouse or keyboard activity (main enforces it too). */
function IdleLock({ minutes, onLocked }: { minutes: number; onLocked: () => void }) {
  const timeout = Math.max(1, minutes) * 60_000
  const idle = useIdle(timeout, {
    initialState: false,
    events: ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart'],
  })
  const fired = useRef(false)
  useEffect(() => {
    if (idle && !fired.current) {
      fired.current = true
      void call('auth.lock').then(() => onLocked())
    }
    if (!idle) fired.current = false
  }, [idle, onLocked])
  return null
}
