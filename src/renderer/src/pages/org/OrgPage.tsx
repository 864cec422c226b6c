import { memo, useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBuilding, IconPencil, IconPlus, IconSearch, IconUserPlus, IconUsers, IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Department, PersonSummary, SessionInfo } from '@shared/api/types'
import type { Lang } from '@shared/errors'
import { notifySuccess, useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { useLang } from '../../i18n'
import { can } from '../../routes'
import { categoryLabel, statusColor, statusLabel } from './labels'
import { LeadershipPanel } from './LeadershipPanel'
import { PersonDrawer } from './PersonDrawer'
import { PersonForm } from './PersonForm'

/** 组织与人员: people, departments, and the leadership group / discipline office. */
export function OrgPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const { run } = useApi()
  const canManage = can(session.roles, 'org.manage')
  const [tab, setTab] = useState<string | null>('people')
  const [departments, setDepartments] = useState<Department[]>([])
  // Everyone in post, for pickers (supervisor, leadership group); the table has its own filtered list.
  const [everyone, setEveryone] = useState<PersonSummary[]>([])
  const [openId, setOpenId] = useState<number | null>(null)
  const [adding, setAdding] = useState(false)
  const [version, setVersion] = useState(0)

  const loadDepartments = useCallback(async () => {
    const r = await run('org.departments.list')
    if (r.ok) setDepartments(r.value)
  }, [run])
  const loadEveryone = useCallback(async () => {
    const r = await run('org.people.list', { includeGone: false })
    if (r.ok) setEveryone(r.value)
  }, [run])

  useEffect(() => {
    void loadDepartments()
    void loadEveryone()
  }, [loadDepartments, loadEveryone, version])

  const changed = useCallback(() => setVersion((v) => v + 1), [])

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('org.title')}
        lead={t('org.lead')}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)} data-testid="person-add">
              {t('org.addPerson')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} />} data-testid="org-tab-people">
            {t('org.tabPeople')}
          </Tabs.Tab>
          <Tabs.Tab value="departments" leftSection={<IconBuilding size={16} />} data-testid="org-tab-departments">
            {t('org.tabDepartments')}
          </Tabs.Tab>
          <Tabs.Tab value="leadership" leftSection={<IconUsersGroup size={16} />} data-testid="org-tab-leadership">
            {t('org.tabLeadership')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people">
          <PeoplePanel departments={departments} onOpen={setOpenId} version={version} />
        </Tabs.Panel>
        <Tabs.Panel value="departments">
          <DepartmentsPanel departments={departments} canManage={canManage} onChanged={changed} />
        </Tabs.Panel>
        <Tabs.Panel value="leadership">
          {tab === 'leadership' && <LeadershipPanel canManage={canManage} people={everyone} onOpenPerson={setOpenId} />}
        </Tabs.Panel>
      </Tabs>

      <PersonDrawer
        personId={openId}
        canManage={canManage}
        departments={departments}
        people={everyone}
        onClose={() => setOpenId(null)}
        onOpenPerson={setOpenId}
        onChanged={changed}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('org.addPerson')} size="lg" centered>
        {adding && (
          <PersonForm
            person={null}
            departments={departments}
            people={everyone}
            onCancel={() => setAdding(false)}
            onSaved={(p) => {
              setAdding(false)
              notifySuccess(t('org.added', { name: p.name }))
              changed()
              setOpenId(p.id)
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

function PeoplePanel({
  departments,
  onOpen,
  version,
}: {
  departments: Department[]
  onOpen: (id: number) => void
  version: number
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run } = useApi()
  const [departmentId, setDepartmentId] = useState('')
  const [search, setSearch] = useState('')
  const [includeGone, setIncludeGone] = useState(false)
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const [people, setPeople] = useState<PersonSummary[] | null>(null)
  const [loading, setLoading] = useState(false)

  useEffect(() => {
    let live = true
    setLoading(true)
    void run('org.people.list', {
      includeGone,
      ...(departmentId ? { departmentId: Number(departmentId) } : {}),
      ...(debounced ? { search: debounced } : {}),
    }).then((r) => {
      if (!live) return
      setLoading(false)
      if (r.ok) setPeople(r.value)
    })
    return () => {
      live = false
    }
  }, [run, departmentId, debounced, includeGone, version])

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('org.colDepartment')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.currentTarget.value)}
          data={[{ value: '', label: t('org.allDepartments') }, ...departments.map((d) => ({ value: String(d.id), label: d.name }))]}
          w={200}
          data-testid="people-department"
        />
        <TextInput
          label={t('org.search')}
          placeholder={t('org.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          leftSection={<IconSearch size={16} />}
          w={260}
          data-testid="people-search"
        />
        <Switch
          label={t('org.includeGone')}
          checked={includeGone}
          onChange={(e) => setIncludeGone(e.currentTarget.checked)}
          mb={8}
          data-testid="people-include-gone"
        />
        <Group gap="xs" ml="auto" mb={8}>
          {loading && <Loader size="xs" />}
          <Text size="sm" c="dimmed" data-testid="people-count">
            {people ? t('org.count', { count: people.length }) : ''}
          </Text>
        </Group>
      </Group>
      <Card withBorder padding={0} radius="md">
        {people === null ? (
          <Group p="xl" justify="center">
            <Loader size="sm" />
          </Group>
        ) : people.length === 0 ? (
          <Text p="xl" c="dimmed" ta="center" data-testid="people-empty">
            {t('org.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover stickyHeader data-testid="people-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('org.colStaffNo')}</Table.Th>
                  <Table.Th>{t('org.colName')}</Table.Th>
                  <Table.Th>{t('org.colDepartment')}</Table.Th>
                  <Table.Th>{t('org.colPost')}</Table.Th>
                  <Table.Th>{t('org.colCategory')}</Table.Th>
                  <Table.Th>{t('org.colRank')}</Table.Th>
                  <Table.Th>{t('org.colSupervisor')}</Table.Th>
                  <Table.Th>{t('org.colRiskPost')}</Table.Th>
                  <Table.Th>{t('org.colStatus')}</Table.Th>
                  <Table.Th>{t('org.colAccount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((p) => (
                  <PersonRow key={p.id} person={p} lang={lang} onOpen={onOpen} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  )
}

/** One row; memoised so typing in the search box does not re-render 300 rows per key. */
const PersonRow = memo(function PersonRow({
  person: p,
  lang,
  onOpen,
}: {
  person: PersonSummary
  lang: Lang
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  return (
    <Table.Tr
      className="clickable-row"
      onClick={() => onOpen(p.id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(p.id)}
      tabIndex={0}
      data-testid={`person-row-${p.staffNo}`}
    >
      <Table.Td className="mono">{p.staffNo}</Table.Td>
      <Table.Td fw={500}>{p.name}</Table.Td>
      <Table.Td>{p.departmentName ?? t('common.none')}</Table.Td>
      <Table.Td>{p.post || t('common.none')}</Table.Td>
      <Table.Td>{categoryLabel(p.category, lang)}</Table.Td>
      <Table.Td>{p.rank || t('common.none')}</Table.Td>
      <Table.Td>{p.supervisorName ?? t('common.none')}</Table.Td>
      <Table.Td>
        {p.riskPost ? (
          <Badge color="red" variant="light" size="sm">
            {t('org.riskPost')}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor(p.status)} variant="light" size="sm">
          {statusLabel(p.status, lang)}
        </Badge>
      </Table.Td>
      <Table.Td className="mono">
        {p.username ?? (
          <Text size="sm" c="dimmed" span>
            {t('org.noAccount')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  )
})

function DepartmentsPanel({
  departments,
  canManage,
  onChanged,
}: {
  departments: Department[]
  canManage: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<Department | 'new' | null>(null)
  return (
    <Stack gap="md">
      {canManage && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="department-add">
            {t('org.dept.add')}
          </Button>
        </Group>
      )}
      <Card withBorder padding={0} radius="md" maw={860}>
        {departments.length === 0 ? (
          <Text p="xl" c="dimmed" ta="center">
            {t('org.dept.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={8} horizontalSpacing="md" data-testid="departments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('org.dept.code')}</Table.Th>
                <Table.Th>{t('org.dept.name')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('org.dept.headcount')}
                </Table.Th>
                <Table.Th w={90} ta="right">
                  {t('org.dept.sortOrder')}
                </Table.Th>
                {canManage && <Table.Th w={100} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.map((d) => (
                <Table.Tr key={d.id} data-testid={`department-row-${d.code}`}>
                  <Table.Td className="mono">{d.code}</Table.Td>
                  <Table.Td fw={500}>{d.name}</Table.Td>
                  <Table.Td ta="right">{d.headcount}</Table.Td>
                  <Table.Td ta="right">{d.sortOrder}</Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditing(d)}
                        data-testid={`department-edit-${d.code}`}
                      >
                        {t('org.dept.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <DepartmentModal
        department={editing}
        onClose={() => setEditing(null)}
        onSaved={(d) => {
          setEditing(null)
          notifySuccess(t('org.dept.saved', { name: d.name }))
          onChanged()
        }}
      />
    </Stack>
  )
}

function DepartmentModal({
  department,
  onClose,
  onSaved,
}: {
  department: Department | 'new' | null
  onClose: () => void
  onSaved: (d: Department) => void
}) {
  const { t } = useTranslation()
  const { run, describe } = useApi()
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [sortOrder, setSortOrder] = useState<number | string>(0)
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const d = department && department !== 'new' ? department : null
    setName(d?.name ?? '')
    setCode(d?.code ?? '')
    setSortOrder(d?.sortOrder ?? 0)
    setTried(false)
    setError(null)
  }, [department])

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!name.trim() || !code.trim()) return
    setBusy(true)
    setError(null)
    const r = await run(
      'org.departments.save',
      {
        ...(department && department !== 'new' ? { id: department.id } : {}),
        name: name.trim(),
        code: code.trim(),
        sortOrder: typeof sortOrder === 'number' ? sortOrder : 0,
      },
      { notify: false },
    )
    setBusy(false)
    if (r.ok) onSaved(r.value)
    else setError(describe(r.error))
  }

  return (
    <Modal
      opened={department !== null}
      onClose={onClose}
      title={department === 'new' ? t('org.dept.add') : t('org.dept.edit')}
      centered
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="department-form">
        <Stack gap="md">
          <TextInput
            label={t('org.dept.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={tried && !name.trim() ? t('org.form.required') : undefined}
            withAsterisk
            maxLength={40}
            data-autofocus
            data-testid="department-form-name"
          />
          <TextInput
            label={t('org.dept.code')}
            description={t('org.dept.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={tried && !code.trim() ? t('org.form.required') : undefined}
            withAsterisk
            maxLength={16}
            data-testid="department-form-code"
          />
          <NumberInput
            label={t('org.dept.sortOrder')}
            value={sortOrder}
            onChange={setSortOrder}
            min={0}
            max={9999}
            allowDecimal={false}
            data-testid="department-form-sortOrder"
          />
          {error && (
            <Alert color="red" role="alert" data-testid="department-form-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="department-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
