// Assurance levels of the national e-ID: the portals send acr_values=LoA1
// (shared/reference/integrations.md §1.1), the VNeID Keycloak realm writes acr "1"; VNeID itself
// has mức 1 and mức 2 (§1.2). We rank "LoAn", "n" and "mức n" by n.

/** The rank of an acr value, or undefined when it is not a recognised level. @internal */
export function acrRank(acr: string, order?: readonly string[]): number | undefined {
  if (order) {
    const i = order.indexOf(acr);
    return i < 0 ? undefined : i;
  }
  const m = /^(?:LoA|mức\s*|muc\s*)?(\d{1,2})$/i.exec(acr.trim());
  return m ? Number(m[1]) : undefined;
}
