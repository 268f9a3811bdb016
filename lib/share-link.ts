import type * as z from "zod/mini"

import {
  accountStepSchema,
  acsUsernameSchema,
  mailboxAddressSchema,
  methodStepSchema,
  senderStepSchema,
  serverStepSchema,
  testStepSchema,
  type SetupValues,
} from "@/lib/schemas/setup"
import { defaultSetupValues } from "@/lib/setup-defaults"
import { isOAuth, signInOf } from "@/lib/schemas/sign-in"
import { PARAM, first, type ShareParams } from "@/lib/share-query"

// Writing a link needs no zod and lives in share-query.ts, which the browser loads; reading one
// (below) happens on the server, before the wizard renders.
export { resumeQuery, resumedStep, shareQuery, type ShareParams } from "@/lib/share-query"

/**
 * The wizard's values from a shared link, or null when the link holds no valid setting. Each
 * value is checked with its field's own rule; one that fails is left at its default (the
 * wizard then asks for it) rather than spoiling the rest.
 */
export function sharedSetup(params: ShareParams): SetupValues | null {
  const read = <T>(name: string, schema: z.ZodMiniType<T>): T | undefined => {
    const raw = first(params, name)
    // An empty value is no value: the field keeps its default (a link's empty host is no host).
    if (raw === undefined || raw.trim() === "") return undefined
    const parsed = schema.safeParse(raw)
    return parsed.success ? parsed.data : undefined
  }
  const method = read(PARAM.method, methodStepSchema.shape.method)
  const domain = read(PARAM.domain, serverStepSchema.shape.domain)
  const values = defaultSetupValues(method, domain)
  const signIn = signInOf({
    method: values.method,
    account: { authType: read(PARAM.authType, accountStepSchema.shape.authType) },
  })
  const found = {
    host: read(PARAM.host, serverStepSchema.shape.host),
    port: read(PARAM.port, serverStepSchema.shape.port),
    security: read(PARAM.security, serverStepSchema.shape.security),
    // Checked as the Account step checks it for this sign-in.
    user:
      signIn === "none"
        ? undefined
        : read(PARAM.user, signIn === "app-secret" ? acsUsernameSchema : mailboxAddressSchema),
    fromAddress: read(PARAM.fromAddress, senderStepSchema.shape.fromAddress),
    fromName: read(PARAM.fromName, senderStepSchema.shape.fromName),
    to: read(PARAM.to, testStepSchema.shape.to),
  }
  const oauth = isOAuth(signIn)
  const oauthFound = {
    tenant: oauth ? read(PARAM.tenant, accountStepSchema.shape.tenant) : undefined,
    clientId: oauth ? read(PARAM.clientId, accountStepSchema.shape.clientId) : undefined,
  }
  const practice = first(params, PARAM.practice) === "1"
  if (
    !method &&
    !domain &&
    !practice &&
    Object.values(found).every((value) => value === undefined)
  ) {
    return null
  }
  return {
    method: values.method,
    server: {
      practice,
      domain: values.server.domain,
      host: found.host ?? values.server.host,
      port: found.port ?? values.server.port,
      security: found.security ?? values.server.security,
    },
    account: {
      user: found.user ?? "",
      pass: "",
      ...(oauth
        ? {
            authType: signIn,
            tenant: oauthFound.tenant ?? "",
            clientId: oauthFound.clientId ?? "",
            clientSecret: "",
            flowId: "",
          }
        : {}),
    },
    sender: { fromAddress: found.fromAddress ?? "", fromName: found.fromName ?? "" },
    test: { to: found.to ?? "" },
  }
}
