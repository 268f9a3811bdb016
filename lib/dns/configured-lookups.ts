import "server-only"

import { env } from "@/lib/env"

import { createLookups, type DnsLookups } from "./resolver"

/** The lookups the domain checks use in the app: SMTP365_DNS_SERVERS, or the system's servers. */
export function configuredLookups(): DnsLookups {
  return createLookups({ servers: env().SMTP365_DNS_SERVERS })
}
