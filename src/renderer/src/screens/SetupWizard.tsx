import { useState } from 'react'
import {
  Alert,
  Button,
  Group,
  Input,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ADMIN_ROLES, type AdminRole } from '@shared/roles'
import { call, useDescribeError } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { PasswordRuleHint } from '../components/PasswordRuleHint'
import { contract } from '@shared/api/contract'
import { checkPassword } from '../password'
import { RecoveryCode } from './RecoveryCode'

interface Account {
  username: string
  displayName: string
  password: string
  confirm: string
}

const emptyAccount = (): Account => ({ username: '', displayName: '', password: '', confirm: '' })
// The limits are the contract's own (setup.initialize), not copies: a field passes here exactly when
// main would accept it.
const SETUP = contract['setup.initialize'].input.shape
const ACCOUNT = SETUP.sysadmin.shape
const passes = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: string) => schema.safeParse(value).success

const STEP_UNIT = 0
const STEP_CONFIRM = 1 + ADMIN_ROLES.length
const STEP_RECOVERY = STEP_CONFIRM + 1

type AccountErrors = Partial<Record<keyof Account, string>>

/** 建立本单位: unit → three administrators → confirm → recovery code shown once. */
export function SetupWizard({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const describe = useDescribeError()
  const [active, setActive] = useState(STEP_UNIT)
  const [tried, setTried] = useState<Set<number>>(new Set())
  const [unitName, setUnitName] = useState('')
  const [unitCode, setUnitCode] = useState('')
  // 基层单位 or 上级机关 (issue 11): decides which screens the office has; sent only when superior.
  const [officeKind, setOfficeKind] = useState<'unit' | 'superior'>('unit')
  const [accounts, setAccounts] = useState<Record<AdminRole, Account>>({
    sysadmin: emptyAccount(),
    secadmin: emptyAccount(),
    auditor: emptyAccount(),
  })
  const [busy, setBusy] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [recovery, setRecovery] = useState<{ code: string; createdAt: Date } | null>(null)

  const unitErrors = {
    unitName: !passes(SETUP.unitName, unitName) ? t('wizard.unitNameInvalid') : undefined,
    unitCode: !passes(SETUP.unitCode, unitCode) ? t('wizard.unitCodeInvalid') : undefined,
  }

  const accountErrors = (role: AdminRole): AccountErrors => {
    const a = accounts[role]
    const errors: AccountErrors = {}
    const name = a.username.trim()
    if (!passes(ACCOUNT.username, name)) errors.username = t('wizard.usernameInvalid')
    else if (
      ADMIN_ROLES.some((other) => other !== role && accounts[other].username.trim().toLowerCase() === name.toLowerCase())
    )
      errors.username = t('wizard.usernameDuplicate')
    const display = a.displayName.trim()
    if (!passes(ACCOUNT.displayName, display)) errors.displayName = t('wizard.displayNameInvalid')
    if (!checkPassword(a.password).ok) errors.password = t('password.weak')
    if (a.confirm !== a.password) errors.confirm = t('password.mismatch')
    return errors
  }

  const stepValid = (step: number): boolean => {
    if (step === STEP_UNIT) return !unitErrors.unitName && !unitErrors.unitCode
    const role = ADMIN_ROLES[step - 1]
    return role ? Object.keys(accountErrors(role)).length === 0 : true
  }

  const next = () => {
    setTried((prev) => new Set(prev).add(active))
    if (stepValid(active)) setActive((s) => s + 1)
  }

  const setAccount = (role: AdminRole, field: keyof Account, value: string) =>
    setAccounts((prev) => ({ ...prev, [role]: { ...prev[role], [field]: value } }))

  const submit = async () => {
    for (let step = STEP_UNIT; step < STEP_CONFIRM; step++) {
      if (!stepValid(step)) {
        setTried((prev) => new Set(prev).add(step))
        setActive(step)
        return
      }
    }
    setBusy(true)
    setSubmitError(null)
    const account = (role: AdminRole) => ({
      username: accounts[role].username.trim(),
      displayName: accounts[role].displayName.trim(),
      password: accounts[role].password,
    })
    const result = await call('setup.initialize', {
      unitName: unitName.trim(),
      unitCode: unitCode.trim(),
      sysadmin: account('sysadmin'),
      secadmin: account('secadmin'),
      auditor: account('auditor'),
      ...(officeKind === 'superior' ? { kind: 'superior' as const } : {}),
    })
    setBusy(false)
    if (result.ok) {
      setRecovery({ code: result.value.recoveryCode, createdAt: new Date() })
      setActive(STEP_RECOVERY)
    } else {
      setSubmitError(describe(result.error))
    }
  }

  const show = (step: number, error: string | undefined) => (tried.has(step) ? error : undefined)

  const accountStep = (role: AdminRole, index: number) => {
    const step = index + 1
    const a = accounts[role]
    const errors = accountErrors(role)
    return (
      <Stepper.Step
        key={role}
        label={t('wizard.stepAdmin', { role: t(`roles.${role}`) })}
        description={t('wizard.stepAdminDesc')}
      >
        <Stack gap="md" maw={560} mx="auto">
          <Alert variant="light" icon={<IconInfoCircle />}>
            <Text size="sm">{t(`wizard.adminIntro.${role}`)}</Text>
            <Text size="sm" mt={4}>
              {t('wizard.separation')}
            </Text>
          </Alert>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('wizard.username')}
              description={t('wizard.usernameHint')}
              value={a.username}
              onChange={(e) => setAccount(role, 'username', e.currentTarget.value)}
              error={show(step, errors.username)}
              autoComplete="off"
              withAsterisk
              data-testid={`wizard-${role}-username`}
            />
            <TextInput
              label={t('wizard.displayName')}
              description={"\u00a0"}
              value={a.displayName}
              onChange={(e) => setAccount(role, 'displayName', e.currentTarget.value)}
              error={show(step, errors.displayName)}
              withAsterisk
              data-testid={`wizard-${role}-displayName`}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <PasswordInput
              label={t('wizard.password')}
              value={a.password}
              onChange={(e) => setAccount(role, 'password', e.currentTarget.value)}
              error={show(step, errors.password)}
              autoComplete="new-password"
              withAsterisk
              data-testid={`wizard-${role}-password`}
            />
            <PasswordInput
              label={t('wizard.confirmPassword')}
              value={a.confirm}
              onChange={(e) => setAccount(role, 'confirm', e.currentTarget.value)}
              error={show(step, errors.confirm)}
              autoComplete="new-password"
              withAsterisk
              data-testid={`wizard-${role}-confirm`}
            />
          </SimpleGrid>
          <PasswordRuleHint password={a.password} testId={`wizard-${role}-rule`} />
        </Stack>
      </Stepper.Step>
    )
  }

  return (
    <AuthLayout width={980}>
      <Stack gap="lg">
        <Title order={2}>{t('wizard.title')}</Title>
        <Stepper
          active={active}
          onStepClick={(step) => {
            if (active < STEP_RECOVERY && step < active) setActive(step)
          }}
          allowNextStepsSelect={false}
          labelPosition="bottom"
          contentPadding="xl"
          size="sm"
        >
          <Stepper.Step label={t('wizard.stepUnit')} description={t('wizard.stepUnitDesc')}>
            <Stack gap="md" maw={560} mx="auto">
              <TextInput
                label={t('wizard.unitName')}
                description={t('wizard.unitNameHint')}
                value={unitName}
                onChange={(e) => setUnitName(e.currentTarget.value)}
                error={show(STEP_UNIT, unitErrors.unitName)}
                withAsterisk
                data-autofocus
                data-testid="wizard-unit-name"
              />
              <TextInput
                label={t('wizard.unitCode')}
                description={t('wizard.unitCodeHint')}
                value={unitCode}
                onChange={(e) => setUnitCode(e.currentTarget.value)}
                error={show(STEP_UNIT, unitErrors.unitCode)}
                withAsterisk
                data-testid="wizard-unit-code"
              />
              <Input.Wrapper label={t('wizard.officeKind')} description={t('wizard.officeKindHint')}>
                <SegmentedControl
                  mt={6}
                  fullWidth
                  value={officeKind}
                  onChange={(v) => setOfficeKind(v === 'superior' ? 'superior' : 'unit')}
                  data={[
                    { value: 'unit', label: t('wizard.officeKindUnit') },
                    { value: 'superior', label: t('wizard.officeKindSuperior') },
                  ]}
                  data-testid="wizard-office-kind"
                />
              </Input.Wrapper>
            </Stack>
          </Stepper.Step>
          {ADMIN_ROLES.map(accountStep)}
          <Stepper.Step label={t('wizard.stepConfirm')} description={t('wizard.stepConfirmDesc')}>
            <Stack gap="md" maw={640} mx="auto">
              <Text fw={600}>{t('wizard.confirmTitle')}</Text>
              <Table withTableBorder variant="vertical" data-testid="wizard-summary">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={160}>{t('wizard.unitName')}</Table.Th>
                    <Table.Td>{unitName.trim()}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('wizard.unitCode')}</Table.Th>
                    <Table.Td>{unitCode.trim()}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('wizard.officeKind')}</Table.Th>
                    <Table.Td data-testid="wizard-summary-kind">
                      {officeKind === 'superior' ? t('wizard.officeKindSuperior') : t('wizard.officeKindUnit')}
                    </Table.Td>
                  </Table.Tr>
                  {ADMIN_ROLES.map((role) => (
                    <Table.Tr key={role}>
                      <Table.Th>{t(`roles.${role}`)}</Table.Th>
                      <Table.Td>
                        {accounts[role].displayName.trim()}（{accounts[role].username.trim()}）
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm" c="dimmed">
                {t('wizard.confirmNote')}
              </Text>
              {submitError && (
                <Alert color="red" icon={<IconAlertTriangle />} title={t('wizard.failed')} data-testid="wizard-error">
                  {submitError}
                </Alert>
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('wizard.stepRecovery')} description={t('wizard.stepRecoveryDesc')}>
            {recovery && (
              <RecoveryCode
                code={recovery.code}
                unitName={unitName.trim()}
                unitCode={unitCode.trim()}
                createdAt={recovery.createdAt}
                onContinue={onDone}
              />
            )}
          </Stepper.Step>
        </Stepper>

        {active < STEP_RECOVERY && (
          <Group justify="space-between" mt="md">
            <Button
              variant="default"
              onClick={() => (active === STEP_UNIT ? onCancel() : setActive((s) => s - 1))}
              disabled={busy}
              data-testid="wizard-back"
            >
              {active === STEP_UNIT ? t('common.cancel') : t('common.back')}
            </Button>
            {active < STEP_CONFIRM ? (
              <Button onClick={next} data-testid="wizard-next">
                {t('common.next')}
              </Button>
            ) : (
              <Button onClick={() => void submit()} loading={busy} data-testid="wizard-submit">
                {t('wizard.submit')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </AuthLayout>
  )
}
