// zod/mini, like the wizard's schemas: the form's resolver runs in the browser.
import * as z from "zod/mini"

import { domainOfAddress } from "@/lib/email-address"
import "@/lib/schemas/zod-locale"
import { SENDING_METHODS } from "@/lib/schemas/setup-fields"
import { INITIAL_DOMAIN_SUFFIX } from "@/lib/microsoft365/dns-records"

const DOMAIN = /^(?=.{1,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z][a-z0-9-]{0,62}$/

/**
 * Empty optional fields arrive as "": they mean "not given". zod/mini has no preprocess, so this is
 * what it does: a transform piped into the schema. The outer optional keeps the key optional in
 * the input type, as preprocess typed it.
 */
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.optional(
    z.pipe(
      z.transform((value: unknown) =>
        typeof value === "string" && value.trim() === "" ? undefined : value
      ),
      z.optional(schema)
    )
  )

/** The domain check's input, shared by the form and the server action. */
export const domainCheckSchema = z.object({
  domain: z
    .pipe(
      z.string("Enter the domain of the From address").check(z.trim(), z.toLowerCase()),
      // An address works too: its domain is what is checked.
      z.transform((value: string) =>
        (value.includes("@") ? domainOfAddress(value) : value).replace(/\.$/, "")
      )
    )
    .check(
      z.refine((value) => value !== "", "Enter the domain of the From address"),
      z.refine((value) => DOMAIN.test(value), "Enter a domain name such as contoso.com")
    ),
  method: z.enum(SENDING_METHODS, "Choose how the mail will be sent"),
  deviceIp: optional(
    z.pipe(
      z.string().check(z.trim()),
      z.union([z.ipv4(), z.ipv6()], "Enter an IPv4 or IPv6 address such as 203.0.113.10")
    )
  ),
  initialDomain: optional(
    z.string().check(
      z.trim(),
      z.toLowerCase(),
      z.refine(
        (value) => value.endsWith(INITIAL_DOMAIN_SUFFIX) && DOMAIN.test(value),
        "Enter the tenant's initial domain, such as contoso.onmicrosoft.com"
      )
    )
  ),
})

export type DomainCheckValues = z.input<typeof domainCheckSchema>
export type DomainCheckRequest = z.output<typeof domainCheckSchema>
