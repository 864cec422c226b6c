import { Suspense, type ComponentType } from 'react'
import { AppShell, Badge, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core'
import {
  IconBook2,
  IconClipboardList,
  IconFileCertificate,
  IconChartDots3,
  IconMessages,
  IconTableImport,
  IconTicket,
  IconCalendarMonth,
  IconDatabaseExport,
  IconFileImport,
  IconHome,
  IconScale,
  IconSitemap,
  IconListCheck,
  IconListNumbers,
  IconShieldSearch,
  IconMessageReport,
  IconGavel,
  IconLock,
  IconLogout,
  IconShieldCheck,
  IconUserShield,
  IconUsers,
  IconTrophy,
  IconSpeakerphone,
  IconUserStar,
  IconSignature,
  IconChartRadar,
  IconTimeline,
  IconCoin,
  IconSchool,
  IconFileText,
  IconKey,
  IconPackages,
  IconReportAnalytics,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/api/types'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { RoleBadges } from '../components/RoleBadges'
import { allowedPagesAt, useHashRoute, type PageKey } from '../routes'
import type { OfficeKind } from '@shared/bundles'
import { PRELOAD_ALL, PageLoading, lazyPage, preloadAll } from '../lazyPage'

// Route-level code splitting: each page is its own chunk, fetched when first opened, so the
// sign-in screen does not load (and parse) every page of the app.
const HomePage = lazyPage(() => import('../pages/HomePage'), 'HomePage')
const UsersPage = lazyPage(() => import('../pages/UsersPage'), 'UsersPage')
const RolesPage = lazyPage(() => import('../pages/RolesPage'), 'RolesPage')
const ResetRequestsCard = lazyPage(() => import('../pages/ResetRequestsCard'), 'ResetRequestsCard')
const AuditPage = lazyPage(() => import('../pages/AuditPage'), 'AuditPage')
const BackupPage = lazyPage(() => import('../pages/BackupPage'), 'BackupPage')
const OrgPage = lazyPage(() => import('../pages/org/OrgPage'), 'OrgPage')
const RosterPage = lazyPage(() => import('../pages/RosterPage'), 'RosterPage')
const CalendarPage = lazyPage(() => import('../pages/CalendarPage'), 'CalendarPage')
const PolicyPage = lazyPage(() => import('../pages/PolicyPage'), 'PolicyPage')
const GuidelinePage = lazyPage(() => import('../pages/guideline/GuidelinePage'), 'GuidelinePage')
const GuidelinePrint = lazyPage(() => import('../pages/guideline/GuidelinePrint'), 'GuidelinePrint')
const LedgerPage = lazyPage(() => import('../pages/ledger/LedgerPage'), 'LedgerPage')
const RecordsImportPage = lazyPage(() => import('../pages/RecordsImportPage'), 'RecordsImportPage')
const TalksPage = lazyPage(() => import('../pages/TalksPage'), 'TalksPage')
const CommitmentsPage = lazyPage(() => import('../pages/commitments/CommitmentsPage'), 'CommitmentsPage')
const CommitmentPrint = lazyPage(() => import('../pages/commitments/CommitmentPrint'), 'CommitmentPrint')
const QuarterlyPage = lazyPage(() => import('../pages/quarterly/QuarterlyPage'), 'QuarterlyPage')
const DemocraticPage = lazyPage(() => import('../pages/democratic/DemocraticPage'), 'DemocraticPage')
const LeadershipPage = lazyPage(() => import('../pages/leadership/LeadershipPage'), 'LeadershipPage')
const IntegrityPage = lazyPage(() => import('../pages/integrity/IntegrityPage'), 'IntegrityPage')
const ReportLeadPage = lazyPage(() => import('../pages/integrity/ReportLeadPage'), 'ReportLeadPage')
const AnnualPage = lazyPage(() => import('../pages/annual/AnnualPage'), 'AnnualPage')
const AnnualPublishedPage = lazyPage(() => import('../pages/annual/PublishedPage'), 'PublishedPage')
const AnnualMinePage = lazyPage(() => import('../pages/annual/MinePage'), 'MinePage')
const FeedbackPage = lazyPage(() => import('../pages/feedback/FeedbackPage'), 'FeedbackPage')
const AppealsPage = lazyPage(() => import('../pages/appeals/AppealsPage'), 'AppealsPage')
const AnalysisPage = lazyPage(() => import('../pages/analysis/AnalysisPage'), 'AnalysisPage')
const ArchivePage = lazyPage(() => import('../pages/archive/ArchivePage'), 'ArchivePage')
const OutcomesPage = lazyPage(() => import('../pages/outcomes/OutcomesPage'), 'OutcomesPage')
const TrainingPage = lazyPage(() => import('../pages/training/TrainingPage'), 'TrainingPage')
const RegisterPage = lazyPage(() => import('../pages/register/RegisterPage'), 'RegisterPage')
const KeysPage = lazyPage(() => import('../pages/packages/KeysPage'), 'KeysPage')
const PackagesPage = lazyPage(() => import('../pages/packages/PackagesPage'), 'PackagesPage')
const ConsolidatedPage = lazyPage(() => import('../pages/packages/ConsolidatedPage'), 'ConsolidatedPage')
if (PRELOAD_ALL) {
  await preloadAll([HomePage, UsersPage, RolesPage, ResetRequestsCard, AuditPage, BackupPage, OrgPage, RosterPage])
  await preloadAll([CalendarPage, PolicyPage, GuidelinePage, GuidelinePrint, LedgerPage, RecordsImportPage])
  await preloadAll([TalksPage, CommitmentsPage, CommitmentPrint, QuarterlyPage, DemocraticPage])
  await preloadAll([LeadershipPage, IntegrityPage, ReportLeadPage])
  await preloadAll([AnnualPage, AnnualPublishedPage, AnnualMinePage])
  await preloadAll([AnalysisPage])
  await preloadAll([ArchivePage])
  await preloadAll([OutcomesPage])
  await preloadAll([TrainingPage])
  await preloadAll([KeysPage, PackagesPage, ConsolidatedPage])
}

const ICONS: Record<PageKey, ComponentType<{ size?: number; stroke?: number }>> = {
  home: IconHome,
  guideline: IconBook2,
  commitments: IconFileCertificate,
  ledger: IconClipboardList,
  quarterly: IconChartDots3,
  leadership: IconListNumbers,
  integrity: IconShieldSearch,
  'report-lead': IconMessageReport,
  talks: IconMessages,
  org: IconSitemap,
  roster: IconFileImport,
  'records-import': IconTableImport,
  democratic: IconTicket,
  policy: IconScale,
  calendar: IconCalendarMonth,
  users: IconUsers,
  roles: IconUserShield,
  audit: IconListCheck,
  backup: IconDatabaseExport,
  annual: IconTrophy,
  'annual-results': IconSpeakerphone,
  'annual-mine': IconUserStar,
  feedback: IconSignature,
  analysis: IconChartRadar,
  archive: IconTimeline,
  outcomes: IconCoin,
  register: IconFileText,
  training: IconSchool,
  appeals: IconGavel,
  keys: IconKey,
  packages: IconPackages,
  consolidated: IconReportAnalytics,
}

/** The signed-in frame: header (unit, user, language, lock, sign out) and the role's pages. */
export function Shell({
  session,
  onLock,
  onSignOut,
  officeKind = 'unit',
}: {
  session: SessionInfo
  onLock: () => unknown
  onSignOut: () => void
  officeKind?: OfficeKind
}) {
  const { t } = useTranslation()
  const [route, navigate, params] = useHashRoute()
  const pages = allowedPagesAt(session.roles, officeKind)
  const current: PageKey = (pages as string[]).includes(route) ? (route as PageKey) : 'home'

  // The print view of a guideline is a sheet of paper: no header, no navigation.
  if (current === 'guideline' && params[0] === 'print') {
    return (
      <Suspense fallback={<PageLoading />}>
        <GuidelinePrint
          session={session}
          year={Number(params[1])}
          version={Number(params[2])}
          onBack={() => navigate('guideline')}
        />
      </Suspense>
    )
  }

  // The print view of a commitment letter (#/commitments/print/<personId>/<year>/<version>) too.
  if (current === 'commitments' && params[0] === 'print') {
    return (
      <Suspense fallback={<PageLoading />}>
        <CommitmentPrint
          session={session}
          personId={Number(params[1])}
          year={Number(params[2])}
          version={Number(params[3])}
          onBack={() => navigate('commitments')}
        />
      </Suspense>
    )
  }

  let page: React.ReactNode
  switch (current) {
    case 'guideline':
      page = <GuidelinePage session={session} onNavigate={navigate} />
      break
    case 'org':
      page = <OrgPage session={session} />
      break
    case 'roster':
      page = <RosterPage />
      break
    case 'ledger':
      page = <LedgerPage session={session} />
      break
    case 'records-import':
      page = <RecordsImportPage />
      break
    case 'democratic':
      page = <DemocraticPage />
      break
    case 'commitments':
      page = <CommitmentsPage session={session} onNavigate={navigate} />
      break
    case 'quarterly':
      page = <QuarterlyPage session={session} onNavigate={navigate} />
      break
    case 'leadership':
      page = <LeadershipPage session={session} />
      break
    case 'integrity':
      page = <IntegrityPage session={session} />
      break
    case 'annual':
      page = <AnnualPage session={session} onNavigate={navigate} />
      break
    case 'annual-results':
      page = <AnnualPublishedPage />
      break
    case 'annual-mine':
      page = <AnnualMinePage />
      break
    case 'feedback':
      page = <FeedbackPage session={session} />
      break
    case 'appeals':
      page = <AppealsPage session={session} />
      break
    case 'analysis':
      page = <AnalysisPage />
      break
    case 'archive':
      page = <ArchivePage session={session} />
      break
    case 'outcomes':
      page = <OutcomesPage session={session} />
      break
    case 'register':
      page = <RegisterPage session={session} />
      break
    case 'training':
      page = <TrainingPage session={session} />
      break
    case 'keys':
      page = <KeysPage />
      break
    case 'packages':
      page = <PackagesPage officeKind={officeKind} />
      break
    case 'consolidated':
      page = <ConsolidatedPage />
      break
    case 'report-lead':
      page = <ReportLeadPage />
      break
    case 'talks':
      page = <TalksPage session={session} />
      break
    case 'policy':
      page = <PolicyPage session={session} />
      break
    case 'calendar':
      page = <CalendarPage session={session} />
      break
    case 'users':
      page = <UsersPage session={session} />
      break
    case 'roles':
      page = (
        <>
          <RolesPage />
          {/* Issue 7 #9: the security administrator approves the system administrator's reset requests here. */}
          <ResetRequestsCard session={session} />
        </>
      )
      break
    case 'audit':
      page = <AuditPage />
      break
    case 'backup':
      page = <BackupPage onRestored={onSignOut} />
      break
    default:
      page = <HomePage session={session} onNavigate={navigate} />
  }

  return (
    <AppShell header={{ height: 68 }} navbar={{ width: 232, breakpoint: 'sm' }} padding="xl">
      <AppShell.Header>
        <div className="brand-stripe" />
        <Group h={64} px="lg" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <IconShieldCheck size={26} color="var(--mantine-color-navy-7)" />
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            </Group>
            <Divider orientation="vertical" />
            <Text fw={500} data-testid="shell-unit" truncate maw={320}>
              {session.unitName}
            </Text>
            {session.demo && (
              <Badge color="orange" variant="filled" data-testid="shell-demo">
                {t('common.demoBadge')}
              </Badge>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={2} align="flex-end">
              <Text size="sm" fw={600} data-testid="shell-user" lh={1.2}>
                {session.displayName}
              </Text>
              <RoleBadges roles={session.roles} />
            </Stack>
            <LanguageSwitch />
            <Tooltip label={t('shell.lock')}>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconLock size={16} />}
                onClick={() => void onLock()}
                data-testid="shell-lock"
              >
                {t('shell.lock')}
              </Button>
            </Tooltip>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconLogout size={16} />}
              onClick={onSignOut}
              data-testid="shell-logout"
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.nav')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {pages.map((key) => {
              const Icon = ICONS[key]
              return (
                <NavLink
                  key={key}
                  href={`#/${key}`}
                  label={key === 'packages' && officeKind === 'superior' ? t('packages.superiorTitle') : t(`nav.${key}`)}
                  leftSection={<Icon size={20} stroke={1.6} />}
                  active={current === key}
                  variant="light"
                  onClick={(e) => {
                    e.preventDefault()
                    navigate(key)
                  }}
                  data-testid={`nav-${key}`}
                />
              )
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pb="xs">
            {session.unitCode}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Keyed by page: the next page's loader shows at once instead of the last page staying up. */}
        <Suspense key={current} fallback={<PageLoading />}>
          {page}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}
