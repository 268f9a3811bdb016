// zod/mini, the functional form of zod 4: these schemas run in the browser too (loaded when a form
// is first checked), and it keeps most of classic zod's methods out of that JavaScript. The names and
// lists the components need without zod live in setup-fields.ts.
import * as z from "zod/mini"

import { ADDRESS_LENGTH_MESSAGE, addressFits, domainOfAddress } from "@/lib/email-address"
import "@/lib/schemas/zod-locale"

import {
  AUTH_TYPES,
  FULL_ADDRESS_MESSAGE,
  SECURITY_MODES,
  SENDING_METHODS,
  isGuid,
  isIpAddress,
  type SendingMethod,
} from "@/lib/schemas/setup-fields"
import { methodInfo } from "@/lib/microsoft365/methods"
import { acsUsernameProblem } from "@/lib/schemas/acs-username"
import { signInOf, usesPassword } from "@/lib/schemas/sign-in"

const NO_LINE_BREAKS = "Line breaks are not allowed here"
const hasNoLineBreak = (value: string) => !/[\r\n]/.test(value)

/** A single-line text field: SMTP commands are lines, so CR or LF in a value is refused. */
const line = () => z.string().check(z.refine(hasNoLineBreak, NO_LINE_BREAKS))

const HOST_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/i

export const ADDRESS_DOMAIN_MESSAGE =
  "The domain after @ is not a valid domain name: the parts between dots are letters, digits and hyphens, and do not start or end with a hyphen"

/**
 * A required email address whose domain DNS can hold: zod's email check lets through labels that
 * end with a hyphen or run past 63 characters, which no mail domain has.
 */
const emailAddress = (message: string) =>
  z.pipe(
    line(),
    z.pipe(
      // The length first: a long string never reaches the address pattern.
      z.pipe(
        z
          .string()
          .check(
            z.trim(),
            z.minLength(1, message),
            z.refine(addressFits, { message: ADDRESS_LENGTH_MESSAGE, abort: true })
          ),
        z.email(message)
      ),
      z
        .string()
        .check(z.refine((value) => HOST_NAME.test(domainOfAddress(value)), ADDRESS_DOMAIN_MESSAGE))
    )
  )

export const methodStepSchema = z.object({
  method: z.enum(SENDING_METHODS, "Choose how the mail will be sent"),
})

export const serverStepSchema = z.object({
  /** Send to the built-in Microsoft 365 simulator instead of the server below. */
  practice: z.boolean(),
  /** The accepted domain, used to guess the MX endpoint for Direct Send and relay. */
  domain: z.pipe(
    line(),
    z.string().check(
      z.trim(),
      z.maxLength(253),
      z.refine(
        (value) => value === "" || HOST_NAME.test(value),
        "Enter a domain such as contoso.com"
      )
    )
  ),
  host: z.pipe(
    line(),
    z.string().check(
      z.trim(),
      z.maxLength(253, "A server name is at most 253 characters"),
      // An empty Server gets the sending method's own message, from setupSchema below.
      z.refine(
        (value) => value === "" || HOST_NAME.test(value) || isIpAddress(value),
        "Enter a host name such as smtp.office365.com, without a scheme, path or port"
      )
    )
  ),
  port: z.pipe(
    line(),
    z.string().check(
      z.trim(),
      z.regex(/^\d{1,5}$/, "Enter a port number, for example 587"),
      z.refine((value) => Number(value) >= 1 && Number(value) <= 65535, "Ports go from 1 to 65535")
    )
  ),
  security: z.enum(SECURITY_MODES, "Choose the security type"),
})

/** An email address, for checks that allow an empty value. Built once: a schema is not free. */
const anyEmail = z.email()

/**
 * A mailbox's address as a sign-in name, or empty. The Entra checklist's link reads the mailbox
 * with it, so a crafted link cannot put other text into its PowerShell.
 */
export const mailboxAddressSchema = z.pipe(
  line(),
  z.string().check(
    z.trim(),
    z.refine((value) => value === "" || addressFits(value), {
      message: ADDRESS_LENGTH_MESSAGE,
      abort: true,
    }),
    z.refine((value) => value === "" || anyEmail.safeParse(value).success, FULL_ADDRESS_MESSAGE)
  )
)

/** Azure Communication Services' username (see acs-username.ts), or empty. */
export const acsUsernameSchema = z.pipe(
  line(),
  z.string().check(
    z.trim(),
    z.maxLength(320),
    z.superRefine((value, ctx) => {
      const problem = value ? acsUsernameProblem(value) : null
      if (problem) ctx.addIssue({ code: "custom", message: problem, input: value })
    })
  )
)

export const accountStepSchema = z.object({
  authType: z.optional(z.enum(AUTH_TYPES, "Choose how the mailbox signs in")),
  /**
   * Who signs in: a mailbox's or an HVE account's address, or Azure Communication Services'
   * username; setupSchema checks its form for the method's sign-in.
   */
  user: z.pipe(line(), z.string().check(z.trim(), z.maxLength(320))),
  pass: z.pipe(
    line(),
    z.string().check(z.maxLength(1024, "A password is at most 1024 characters"))
  ),
  /** OAuth: the tenant's ID (a GUID) or one of its domains, as the token endpoint's path takes. */
  tenant: z.optional(
    z.pipe(
      line(),
      z.string().check(
        z.trim(),
        z.maxLength(253),
        z.refine(
          (value) => value === "" || isGuid(value) || HOST_NAME.test(value),
          "Enter the Directory (tenant) ID from the app's Overview page, or a domain of the tenant such as contoso.onmicrosoft.com"
        )
      )
    )
  ),
  /** OAuth: the app registration's Application (client) ID. */
  clientId: z.optional(
    z.pipe(
      line(),
      z.string().check(
        z.trim(),
        z.refine(
          (value) => value === "" || isGuid(value),
          "Enter the Application (client) ID from the app's Overview page: a GUID such as 8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c"
        )
      )
    )
  ),
  /** OAuth app-only: handled like the password (never echoed, logged or stored). */
  clientSecret: z.optional(
    z.pipe(
      line(),
      z.string().check(z.maxLength(1024, "A client secret is at most 1024 characters"))
    )
  ),
  /** OAuth device code: the server-side sign-in the test uses (its token stays on the server). */
  flowId: z.optional(
    z.pipe(
      line(),
      z.string().check(z.regex(/^([A-Za-z0-9_-]{16,64})?$/, "Start the device code sign-in again"))
    )
  ),
})

export const senderStepSchema = z.object({
  fromAddress: emailAddress("Enter the From address, for example printer@contoso.com"),
  fromName: z.pipe(
    line(),
    z.string().check(z.trim(), z.maxLength(100, "Keep the From name under 100 characters"))
  ),
})

export const testStepSchema = z.object({
  to: emailAddress("Enter the address that should receive the test email"),
})

const stepShapes = z.object({
  method: methodStepSchema,
  server: serverStepSchema,
  account: accountStepSchema,
  sender: senderStepSchema,
  test: testStepSchema,
})

const methodOnly = z.object({ method: methodStepSchema })

/**
 * What an empty Server is asked for, by sending method: the SMTP AUTH host, or the tenant's MX
 * endpoint for Direct Send and relay (SOURCES.mfd, "Your MX endpoint, for example,
 * contoso-com.mail.protection.outlook.com").
 */
function hostMissingMessage(method: SendingMethod): string {
  const { endpoint } = methodInfo(method)
  return endpoint.kind === "submission"
    ? `Enter the server name, for example ${endpoint.host}`
    : "Enter your domain's MX endpoint, for example contoso-com.mail.protection.outlook.com"
}

/**
 * The whole setup. Server needs a host, asked for as the method sends; SMTP AUTH needs a username
 * and password; Direct Send and relay send without credentials. The rule runs whenever the method
 * step is well formed, so the Account step can be validated on its own while later steps are still
 * empty.
 */
export const setupSchema = stepShapes.check(
  z.superRefine(
    (values, ctx) => {
      // Raw values may be anything a POST carries: only a string counts as present.
      const text = (value: unknown) => (typeof value === "string" ? value.trim() : "")
      const server = values.server as Partial<Record<"host", unknown>> | undefined
      if (!text(server?.host)) {
        ctx.addIssue({
          code: "custom",
          path: ["server", "host"],
          message: hostMissingMessage(values.method.method),
        })
      }
      // The account step may itself be invalid here (a bare user name); check presence on the raw value.
      const account = values.account as
        | Partial<
            Record<
              "authType" | "user" | "pass" | "tenant" | "clientId" | "clientSecret" | "flowId",
              unknown
            >
          >
        | undefined
      const missing = (field: string, message: string) => {
        if (!text(account?.[field as keyof typeof account])) {
          ctx.addIssue({ code: "custom", path: ["account", field], message })
        }
      }
      const authType = AUTH_TYPES.find((type) => type === account?.authType)
      const signIn = signInOf({ method: values.method, account: { authType } })
      const words = methodInfo(values.method.method).account
      if (signIn === "none" || !words) return
      missing("user", words.userMissing)
      const user = text(account?.user)
      const userProblem = !user
        ? null
        : signIn === "app-secret"
          ? acsUsernameProblem(user)
          : !addressFits(user)
            ? ADDRESS_LENGTH_MESSAGE
            : anyEmail.safeParse(user).success
              ? null
              : FULL_ADDRESS_MESSAGE
      if (userProblem) {
        ctx.addIssue({ code: "custom", path: ["account", "user"], message: userProblem })
      }
      if (usesPassword(signIn)) {
        if (!account?.pass) {
          ctx.addIssue({
            code: "custom",
            path: ["account", "pass"],
            message: words.passwordMissing,
          })
        }
        return
      }
      missing("tenant", "Enter the Directory (tenant) ID of the app registration")
      // Client credentials are always asked of one tenant; msal refuses the multi-tenant paths.
      if (
        signIn === "oauth-app" &&
        ["common", "organizations", "consumers"].includes(text(account?.tenant).toLowerCase())
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["account", "tenant"],
          message:
            "App-only tokens need your Directory (tenant) ID or domain, not common or organizations",
        })
      }
      missing("clientId", "Enter the Application (client) ID of the app registration")
      if (signIn === "oauth-app") {
        missing("clientSecret", "Enter the client secret's Value (not its Secret ID)")
      } else {
        missing("flowId", "Sign in with the device code first")
      }
    },
    { when: (payload) => methodOnly.safeParse(payload.value).success }
  )
)

export type SetupValues = z.infer<typeof setupSchema>
export type SetupInput = z.input<typeof setupSchema>

/** Maps zod issues to react-hook-form paths ("server.host"), keeping the first message of each. */
export function toFieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form"
    fieldErrors[key] ??= issue.message
  }
  return fieldErrors
}
