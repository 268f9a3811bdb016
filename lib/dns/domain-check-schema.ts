import { z } from "zod"

import { SENDING_METHODS } from "@/lib/schemas/setup"
import { INITIAL_DOMAIN_SUFFIX } from "@/lib/microsoft365/dns-records"

const DOMAIN = /^(?=.{1,253}$)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z][a-z0-9-]{0,62}$/

/** Empty optional fields arrive as "": they mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional()
  )

/** The domain check's input, shared by the form and the server action. */
export const domainCheckSchema = z.object({
  domain: z
    .string("Enter the domain of the From address")
    .trim()
    .toLowerCase()
    // An address works too: its domain is what is checked.
    .transform((value) => value.slice(value.lastIndexOf("@") + 1).replace(/\.$/, ""))
    .refine((value) => value !== "", "Enter the domain of the From address")
    .refine((value) => DOMAIN.test(value), "Enter a domain name such as contoso.com"),
  method: z.enum(SENDING_METHODS, "Choose how the mail will be sent"),
  deviceIp: optional(
    z
      .string()
      .trim()
      .pipe(z.union([z.ipv4(), z.ipv6()], "Enter an IPv4 or IPv6 address such as 203.0.113.10"))
  ),
  initialDomain: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine(
        (value) => value.endsWith(INITIAL_DOMAIN_SUFFIX) && DOMAIN.test(value),
        "Enter the tenant's initial domain, such as contoso.onmicrosoft.com"
      )
  ),
})

export type DomainCheckValues = z.input<typeof domainCheckSchema>
export type DomainCheckRequest = z.output<typeof domainCheckSchema>
