"use client"

import { useFormContext, useWatch } from "react-hook-form"

import { BASIC_AUTH_TIMELINE } from "@/lib/microsoft365/basic-auth-timeline"
import type { PracticeListing, PracticeRoute } from "@/lib/practice/listing"
import type { SetupValues } from "@/lib/schemas/setup"
import {
  OAUTH_FIELD_LABELS,
  OAUTH_SIGN_IN_LABELS,
  type OAuthSignIn,
  type SignIn,
} from "@/lib/schemas/setup-fields"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"
import { methodInfo, type MethodAccount } from "@/lib/microsoft365/methods"
import { psQuote } from "@/lib/powershell"
import { CodeBlock } from "@/components/ui/code-block"
import { Callout } from "@/components/ui/callout"
import { RadioCard } from "@/components/ui/radio-card"
import { SourceLink } from "@/components/ui/source-link"

import { EntraChecklist } from "@/components/oauth/entra-checklist"
import { PracticeCatalog } from "@/components/practice/practice-catalog"
import { PracticeApps } from "@/components/oauth/practice-apps"

import { AcsUsernameHelper } from "../acs-username-helper"
import { SecretField } from "../secret-field"
import { TextField } from "../text-field"

/** `practice`: the practice accounts and apps of each method, listed when practice mode is on (else null). */
export function AccountStep({ practice }: { practice: PracticeListing | null }) {
  const { control } = useFormContext<SetupValues>()
  const [method, authType, practiceServer] = useWatch({
    control,
    name: ["method.method", "account.authType", "server.practice"],
  })
  const info = methodInfo(method)
  const signIn = signInOf({ method: { method }, account: { authType } })
  const oauthSignIns = info.signIns.filter(isOAuth)
  // The practice accounts (or apps) of this method's simulator, if it has any.
  const practiceRoute = practice?.routes[method]
  const practiceList = practiceRoute ? <PracticeList route={practiceRoute} signIn={signIn} /> : null
  // The step only opens for a method that signs in, and every such method has its words.
  const words = info.account
  if (!words) return null

  return (
    <>
      <p className="text-muted-foreground">{words.intro}</p>
      {/* Practising: the accounts to practise with come first, where the eye lands. */}
      {practiceServer ? practiceList : null}
      {words.choices ? <SignInChoice oauth={isOAuth(signIn)} choices={words.choices} /> : null}
      {isOAuth(signIn) ? (
        <OAuthFields signIn={signIn} offered={oauthSignIns} words={words} />
      ) : (
        <>
          <UsernameField words={words} signIn={signIn} />
          {signIn === "app-secret" ? <AcsUsernameHelper /> : null}
          <SecretField
            name="account.pass"
            label="Password"
            autoComplete={signIn === "app-secret" ? "off" : "current-password"}
            hint={words.passwordHint}
          />
          {words.basicAuthRetiring ? <BasicAuthCallout /> : null}
        </>
      )}
      {practiceServer ? null : practiceList}
    </>
  )
}

/** The practice accounts of a route, or its practice apps when the setup signs in with OAuth. */
function PracticeList({ route, signIn }: { route: PracticeRoute; signIn: SignIn }) {
  if (!isOAuth(signIn)) return <PracticeAccounts route={route} />
  return route.apps.length ? <PracticeApps apps={route.apps} /> : null
}

function UsernameField({ words, signIn }: { words: MethodAccount; signIn: SignIn }) {
  return (
    <TextField
      name="account.user"
      label="Username"
      // Azure Communication Services' username is not an address.
      type={signIn === "app-secret" ? "text" : "email"}
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      placeholder={words.userPlaceholder}
      hint={
        isOAuth(signIn)
          ? `${words.userHint} The token signs in to SMTP as this address.`
          : words.userHint
      }
    />
  )
}

/** The OAuth fields a flow does not use, whose errors must not linger once it is left. */
const OAUTH_FIELDS = ["account.tenant", "account.clientId", "account.clientSecret"] as const

/** Password or OAuth 2.0. Not bound to a field itself: it sets account.authType. */
function SignInChoice({
  oauth,
  choices,
}: {
  oauth: boolean
  choices: NonNullable<MethodAccount["choices"]>
}) {
  const form = useFormContext<SetupValues>()

  function choose(next: "password" | "oauth") {
    const current = form.getValues("account.authType") ?? "password"
    if ((next === "oauth") === (current !== "password")) return
    form.setValue("account.authType", next === "password" ? "password" : "oauth-app", {
      shouldDirty: true,
    })
    form.clearErrors(next === "password" ? [...OAUTH_FIELDS] : ["account.pass"])
  }

  return (
    <fieldset role="radiogroup" aria-labelledby="sign-in-legend" className="flex flex-col gap-3">
      <legend id="sign-in-legend" className="mb-3 text-sm font-medium">
        How does it sign in?
      </legend>
      <RadioCard
        id="account-sign-in-password"
        name="account-sign-in"
        value="password"
        checked={!oauth}
        onChange={() => choose("password")}
        label="Password (Basic authentication)"
        description={choices.password}
      />
      <RadioCard
        id="account-sign-in-oauth"
        name="account-sign-in"
        value="oauth"
        checked={oauth}
        onChange={() => choose("oauth")}
        label="OAuth 2.0 (modern authentication)"
        description={choices.oauth}
      />
    </fieldset>
  )
}

function OAuthFields({
  signIn,
  offered,
  words,
}: {
  signIn: OAuthSignIn
  /** The OAuth sign-ins the method takes. */
  offered: readonly OAuthSignIn[]
  words: MethodAccount
}) {
  const form = useFormContext<SetupValues>()
  const flow = form.register("account.authType", {
    onChange: () => form.clearErrors(["account.clientSecret"]),
  })
  const [tenant = "", clientId = "", user] = useWatch({
    control: form.control,
    name: ["account.tenant", "account.clientId", "account.user"],
  })

  return (
    <>
      {offered.length > 1 ? (
        <fieldset role="radiogroup" aria-labelledby="flow-legend" className="flex flex-col gap-3">
          <legend id="flow-legend" className="mb-3 text-sm font-medium">
            Which OAuth flow?
          </legend>
          <RadioCard
            id="account-flow-app"
            value="oauth-app"
            label={OAUTH_SIGN_IN_LABELS["oauth-app"]}
            description="The app signs in with its client secret, without a user: what a service or device uses. Needs SMTP.SendAsApp with admin consent (or RBAC for Applications)."
            {...flow}
          />
          <RadioCard
            id="account-flow-device"
            value="oauth-device"
            label={OAUTH_SIGN_IN_LABELS["oauth-device"]}
            description="You sign in as a user in another tab with a code smtp365 shows, and the test sends with that user's token (delegated, SMTP.Send)."
            {...flow}
          />
        </fieldset>
      ) : (
        <p className="text-sm text-muted-foreground">
          {OAUTH_SIGN_IN_LABELS[signIn]}: the app signs in with its client secret, without a user.
        </p>
      )}
      <TextField
        name="account.tenant"
        label={OAUTH_FIELD_LABELS.tenant}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        // The shape, not an ID: a real-looking one reads as filled in (the practice tenant's was).
        placeholder="00000000-0000-0000-0000-000000000000"
        hint="From the app's Overview page in the Microsoft Entra admin center, or a domain of the tenant such as contoso.onmicrosoft.com."
      />
      <TextField
        name="account.clientId"
        label={OAUTH_FIELD_LABELS.clientId}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="00000000-0000-0000-0000-000000000000"
        hint="From the same Overview page."
      />
      {signIn === "oauth-app" ? (
        <SecretField
          name="account.clientSecret"
          label={OAUTH_FIELD_LABELS.clientSecret}
          autoComplete="off"
          hint="The secret's Value (Certificates & secrets), not its Secret ID. Like a password: sent once to the token endpoint for this test and never stored, logged or shown."
        />
      ) : null}
      <UsernameField words={words} signIn={signIn} />
      {signIn === "oauth-device" ? (
        <p className="text-sm text-muted-foreground">
          The sign-in happens in the Test step: &ldquo;Send test email&rdquo; shows a code to enter
          at Microsoft&apos;s sign-in page, then sends as soon as you have signed in.
        </p>
      ) : null}
      {words.oauthSetup ? (
        <Callout title="What the app needs">
          <p>{words.oauthSetup.text}</p>
          <CodeBlock
            // In one pass, so a typed value holding "{clientId}" is not filled in again; the
            // placeholders are quoted like the values they stand for, as in the diagnoses' commands.
            code={words.oauthSetup.command.replace(/\{(account|clientId)\}/g, (_, name) =>
              name === "account"
                ? psQuote(user.trim() || "<account>")
                : psQuote(clientId.trim() || "<app ID>")
            )}
            language="powershell"
          />
          <SourceLink source={words.oauthSetup.source} />
        </Callout>
      ) : (
        <EntraChecklist flow={signIn} tenant={tenant} clientId={clientId} mailbox={user} />
      )}
    </>
  )
}

function BasicAuthCallout() {
  return (
    <Callout
      tone="warning"
      title="Password sign-in (Basic authentication) for SMTP AUTH is being retired"
    >
      <p className="text-muted-foreground">
        Microsoft&apos;s timeline as of {BASIC_AUTH_TIMELINE.sourceDate}:
      </p>
      <dl className="grid gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(0,13rem)_1fr]">
        {BASIC_AUTH_TIMELINE.milestones.map((milestone) => (
          <div key={milestone.when} className="contents">
            <dt className="font-medium">{milestone.when}</dt>
            <dd className="mb-1 sm:mb-0">{milestone.what}</dd>
          </div>
        ))}
      </dl>
      <p>{BASIC_AUTH_TIMELINE.appPasswordNote}</p>
      <SourceLink source={BASIC_AUTH_TIMELINE.source} />
    </Callout>
  )
}

function PracticeAccounts({ route }: { route: PracticeRoute }) {
  const form = useFormContext<SetupValues>()

  function fillFrom(username: string) {
    form.setValue("account.user", username, {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    })
    // These accounts only exist on the simulator.
    form.setValue("server.practice", true, { shouldDirty: true })
    form.setFocus("account.pass")
  }

  return (
    <PracticeCatalog
      id="practice-accounts"
      title={route.title}
      intro={
        <>
          Each one behaves like a real {route.kind} in a particular situation. {route.secret.name}{" "}
          is{" "}
          <code className="rounded bg-muted px-1 font-mono whitespace-nowrap text-foreground">
            {route.secret.value}
          </code>
          : type it yourself. <code className="font-mono">{breakable(route.sender)}</code> sends
          successfully; each of the others shows what its line says.{" "}
          {route.note ? `${route.note} ` : null}
          &ldquo;Use&rdquo; fills in Username and switches the test to the practice server.
        </>
      }
      summary={`Show the ${route.accounts.length} ${route.plural} and what each one shows`}
      nameColumn={route.nameColumn}
      items={route.accounts.map(({ username, description }) => ({
        key: username,
        name: <span className="font-mono text-[0.8125rem]">{breakable(username)}</span>,
        description,
        useLabel: username,
        onUse: () => fillFrom(username),
      }))}
    />
  )
}

/**
 * A username that breaks only before "@" and after each "|": never inside a part, such as at a
 * hyphen of the GUIDs in an Azure Communication Services username.
 */
function breakable(username: string) {
  return username.split(/(?=@)|(?<=\|)/).flatMap((part, index) => {
    const whole = (
      <span key={`part-${index}`} className="whitespace-nowrap">
        {part}
      </span>
    )
    return index === 0 ? [whole] : [<wbr key={index} />, whole]
  })
}
