import { useMemo, useState } from 'react'
import { Alert, Autocomplete, Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Department, PersonDetail, PersonSummary } from '@shared/api/types'
import { POST_CATEGORIES, type PostCategory } from '@shared/guideline/model'
import { EMPLOYMENT_STATUSES, GONE_STATUSES, type EmploymentStatus } from '@shared/org'
import { POLITICAL_STATUSES } from '@shared/register'
import { useApi } from '../../api'
import { DateField } from '../../components/DateField'
import { todayIso } from '../../format'
import { useLang } from '../../i18n'
import { categoryLabel, personLabel, statusLabel } from './labels'

interface FormState {
  staffNo: string
  name: string
  departmentId: string | null
  post: string
  category: PostCategory
  rank: string
  supervisorId: string | null
  riskPost: boolean
  status: EmploymentStatus
  joinedOn: string | null
  leftOn: string | null
  effectiveOn: string | null
  /** For the 《公务员年度考核登记表》 (issue 10, 1b). */
  gender: string | null
  birthMonth: string
  politicalStatus: string
  postSince: string
}

const MONTH = /^(19|20)\d\d-(0[1-9]|1[0-2])$/

function initial(person: PersonDetail | null, departmentId: number | null): FormState {
  return {
    staffNo: person?.staffNo ?? '',
    name: person?.name ?? '',
    departmentId: person ? (person.departmentId === null ? null : String(person.departmentId)) : departmentId === null ? null : String(departmentId),
    post: person?.post ?? '',
    category: person?.category ?? 'general',
    rank: person?.rank ?? '',
    supervisorId: person?.supervisorId == null ? null : String(person.supervisorId),
    riskPost: person?.riskPost ?? false,
    status: person?.status ?? 'active',
    joinedOn: person?.joinedOn ?? null,
    leftOn: person?.leftOn ?? null,
    effectiveOn: todayIso(),
    gender: person?.personal.gender ?? null,
    birthMonth: person?.personal.birthMonth ?? '',
    politicalStatus: person?.personal.politicalStatus ?? '',
    postSince: person?.personal.postSince ?? '',
  }
}

/**
 * 人员信息 form, for a new person and for a change to an existing one. Every change takes effect on
 * 生效日期 (default today), so the history can say who was where on which day.
 */
export function PersonForm({
  person,
  departments,
  people,
  defaultDepartmentId = null,
  onSaved,
  onCancel,
}: {
  person: PersonDetail | null
  departments: Department[]
  /** Candidates for 直接主管. */
  people: PersonSummary[]
  defaultDepartmentId?: number | null
  onSaved: (p: PersonDetail) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const { run, describe } = useApi()
  const [form, setForm] = useState<FormState>(() => initial(person, defaultDepartmentId))
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))

  const supervisorOptions = useMemo(
    () =>
      people
        .filter((p) => p.id !== person?.id && !GONE_STATUSES.includes(p.status))
        .map((p) => ({ value: String(p.id), label: personLabel(p, lang) })),
    [people, person?.id, lang],
  )

  const errors = {
    staffNo: form.staffNo.trim() ? undefined : t('org.form.required'),
    name: form.name.trim() ? undefined : t('org.form.required'),
    effectiveOn: form.effectiveOn ? undefined : t('org.form.required'),
    leftOn:
      GONE_STATUSES.includes(form.status) && !form.leftOn
        ? t('org.form.leftOnNeeded')
        : form.leftOn && form.joinedOn && form.leftOn < form.joinedOn
          ? t('org.form.leftBeforeJoined')
          : undefined,
    birthMonth: form.birthMonth.trim() && !MONTH.test(form.birthMonth.trim()) ? t('register.monthFormat') : undefined,
    postSince: form.postSince.trim() && !MONTH.test(form.postSince.trim()) ? t('register.monthFormat') : undefined,
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (Object.values(errors).some(Boolean) || !form.effectiveOn) return
    setBusy(true)
    setError(null)
    const r = await run(
      'org.people.save',
      {
        ...(person ? { id: person.id } : {}),
        staffNo: form.staffNo.trim(),
        name: form.name.trim(),
        departmentId: form.departmentId === null ? null : Number(form.departmentId),
        post: form.post.trim(),
        category: form.category,
        rank: form.rank.trim(),
        supervisorId: form.supervisorId === null ? null : Number(form.supervisorId),
        riskPost: form.riskPost,
        status: form.status,
        joinedOn: form.joinedOn,
        leftOn: form.leftOn,
        effectiveOn: form.effectiveOn,
        personal: {
          gender: form.gender === '男' || form.gender === '女' ? form.gender : null,
          birthMonth: form.birthMonth.trim() || null,
          politicalStatus: form.politicalStatus.trim() || null,
          postSince: form.postSince.trim() || null,
        },
      },
      { notify: false },
    )
    setBusy(false)
    if (r.ok) onSaved(r.value)
    else setError(describe(r.error))
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="person-form">
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label={t('org.colStaffNo')}
            value={form.staffNo}
            onChange={(e) => set('staffNo', e.currentTarget.value)}
            error={tried ? errors.staffNo : undefined}
            withAsterisk
            maxLength={20}
            data-testid="person-form-staffNo"
          />
          <TextInput
            label={t('org.colName')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={tried ? errors.name : undefined}
            withAsterisk
            maxLength={40}
            data-testid="person-form-name"
          />
          <Select
            label={t('org.colDepartment')}
            data={departments.map((d) => ({ value: String(d.id), label: d.name }))}
            value={form.departmentId}
            onChange={(v) => set('departmentId', v)}
            clearable
            searchable
            data-testid="person-form-department"
          />
          <TextInput
            label={t('org.colPost')}
            value={form.post}
            onChange={(e) => set('post', e.currentTarget.value)}
            maxLength={40}
            data-testid="person-form-post"
          />
          <Select
            label={t('org.colCategory')}
            data={POST_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
            value={form.category}
            onChange={(v) => v && set('category', v as PostCategory)}
            allowDeselect={false}
            data-testid="person-form-category"
          />
          <TextInput
            label={t('org.colRank')}
            value={form.rank}
            onChange={(e) => set('rank', e.currentTarget.value)}
            maxLength={40}
            data-testid="person-form-rank"
          />
          <Select
            label={t('org.colSupervisor')}
            data={supervisorOptions}
            value={form.supervisorId}
            onChange={(v) => set('supervisorId', v)}
            clearable
            searchable
            limit={50}
            nothingFoundMessage={t('org.nothingFound')}
            data-testid="person-form-supervisor"
          />
          <Select
            label={t('org.colStatus')}
            data={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
            value={form.status}
            onChange={(v) => v && set('status', v as EmploymentStatus)}
            allowDeselect={false}
            data-testid="person-form-status"
          />
          <DateField
            label={t('org.colJoinedOn')}
            value={form.joinedOn}
            onChange={(v) => set('joinedOn', v)}
            clearable
            data-testid="person-form-joinedOn"
          />
          <DateField
            label={t('org.colLeftOn')}
            value={form.leftOn}
            onChange={(v) => set('leftOn', v)}
            error={tried ? errors.leftOn : undefined}
            clearable
            data-testid="person-form-leftOn"
          />
          <Select
            label={t('register.fGender')}
            data={['男', '女']}
            value={form.gender}
            onChange={(v) => set('gender', v)}
            clearable
            data-testid="person-form-gender"
          />
          <TextInput
            label={t('register.fBorn')}
            placeholder="1988-07"
            value={form.birthMonth}
            onChange={(e) => set('birthMonth', e.currentTarget.value)}
            error={tried ? errors.birthMonth : undefined}
            maxLength={7}
            data-testid="person-form-birthMonth"
          />
          <Autocomplete
            label={t('register.fPolitical')}
            data={[...POLITICAL_STATUSES]}
            value={form.politicalStatus}
            onChange={(v) => set('politicalStatus', v)}
            maxLength={20}
            data-testid="person-form-politicalStatus"
          />
          <TextInput
            label={t('register.fPostSince')}
            placeholder="2021-03"
            value={form.postSince}
            onChange={(e) => set('postSince', e.currentTarget.value)}
            error={tried ? errors.postSince : undefined}
            maxLength={7}
            data-testid="person-form-postSince"
          />
        </SimpleGrid>
        <Switch
          label={t('org.colRiskPost')}
          description={t('org.form.riskPostHint')}
          checked={form.riskPost}
          onChange={(e) => set('riskPost', e.currentTarget.checked)}
          data-testid="person-form-riskPost"
        />
        <DateField
          label={t('org.form.effectiveOn')}
          description={t('org.form.effectiveOnHint')}
          value={form.effectiveOn}
          onChange={(v) => set('effectiveOn', v)}
          error={tried ? errors.effectiveOn : undefined}
          withAsterisk
          maw={420}
          data-testid="person-form-effectiveOn"
        />
        {error && (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert" data-testid="person-form-error">
            {error}
          </Alert>
        )}
        {person && (
          <Text size="xs" c="dimmed">
            {t('org.form.historyNote')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="person-form-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
