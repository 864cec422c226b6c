import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core'
import { IconBuilding, IconPencil, IconPlus, IconUserPlus, IconUsers, IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Department, PersonSummary, SessionInfo } from '@shared/api/types'
import { notifySuccess, useApi } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { UnitTable, type UnitColumn } from '../../components/UnitTable'
import { formatDate, todayIso } from '../../format'
import { useLang } from '../../i18n'
import { useApiData } from '../../useApiData'
import { can, routeQuery } from '../../routes'
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
          <PeoplePanel onOpen={setOpenId} version={version} />
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

function PeoplePanel({ onOpen, version }: { onOpen: (id: number) => void; version: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [includeGone, setIncludeGone] = useState(false)
  // The home page's "尚未关联登录账户" card opens the list filtered to those people (org?filter=noAccount).
  const [noAccountOnly, setNoAccountOnly] = useState(() => routeQuery().get('filter') === 'noAccount')
  // The whole unit (300 people at most) is loaded once; the table filters and sorts it. A late
  // answer for the other include-gone setting is dropped (useApiData); while the new list loads,
  // the last one stays on screen with a spinner.
  const list = useApiData('org.people.list', { includeGone }, [version])
  const [people, setPeople] = useState<PersonSummary[] | null>(null)
  const loading = list.loading
  useEffect(() => {
    if (list.data) setPeople(list.data)
  }, [list.data])

  const columns = useMemo<UnitColumn<PersonSummary>[]>(
    () => [
      { key: 'staffNo', label: t('org.colStaffNo'), value: (p) => p.staffNo, width: 100, mono: true },
      { key: 'name', label: t('org.colName'), value: (p) => p.name, width: 90, nowrap: true, render: (p) => <Text size="sm" fw={500}>{p.name}</Text> },
      { key: 'department', label: t('org.colDepartment'), value: (p) => p.departmentName, nowrap: true },
      { key: 'post', label: t('org.colPost'), value: (p) => p.post || null },
      { key: 'category', label: t('org.colCategory'), value: (p) => categoryLabel(p.category, lang), nowrap: true },
      { key: 'rank', label: t('org.colRank'), value: (p) => p.rank || null, nowrap: true },
      { key: 'supervisor', label: t('org.colSupervisor'), value: (p) => p.supervisorName, nowrap: true },
      {
        key: 'riskPost',
        label: t('org.colRiskPost'),
        value: (p) => (p.riskPost ? t('org.riskPost') : null),
        render: (p) =>
          p.riskPost ? (
            <Badge color="red" variant="light" size="sm">
              {t('org.riskPost')}
            </Badge>
          ) : null,
      },
      {
        key: 'status',
        label: t('org.colStatus'),
        value: (p) => statusLabel(p.status, lang),
        render: (p) => (
          <Badge color={statusColor(p.status)} variant="light" size="sm">
            {statusLabel(p.status, lang)}
          </Badge>
        ),
      },
      {
        key: 'account',
        label: t('org.colAccount'),
        value: (p) => p.username,
        exportValue: (p) => p.username ?? t('org.noAccount'),
        render: (p) =>
          p.username ? (
            <span className="mono">{p.username}</span>
          ) : (
            <Text size="sm" c="dimmed" span>
              {t('org.noAccount')}
            </Text>
          ),
      },
    ],
    [t, lang],
  )

  if (people === null) {
    return (
      <Card withBorder padding={0} radius="md">
        <Group p="xl" justify="center">
          <Loader size="sm" />
        </Group>
      </Card>
    )
  }
  return (
    <UnitTable
      rows={noAccountOnly ? people.filter((p) => p.username === null) : people}
      columns={columns}
      getKey={(p) => p.id}
      department={(p) => p.departmentName}
      summary={(shown) => t('unitTable.people', { shown: shown.length, total: people.length })}
      exportName={`${t('org.title')}-${formatDate(todayIso(), lang)}`}
      sheetName={t('org.tabPeople')}
      toolbar={
        <Group gap="xs" mb={8} wrap="nowrap">
          <Switch
            label={t('org.includeGone')}
            checked={includeGone}
            onChange={(e) => setIncludeGone(e.currentTarget.checked)}
            data-testid="people-include-gone"
          />
          <Switch
            label={t('org.noAccountOnly')}
            checked={noAccountOnly}
            onChange={(e) => setNoAccountOnly(e.currentTarget.checked)}
            data-testid="people-no-account"
          />
          {loading && <Loader size="xs" />}
        </Group>
      }
      empty={t('org.empty')}
      testid="people"
      rowTestId={(p) => `person-row-${p.staffNo}`}
      onRowClick={(p) => onOpen(p.id)}
      minWidth={1000}
    />
  )
}

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
