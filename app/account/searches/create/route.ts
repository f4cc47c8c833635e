import { signedInFormPost } from "@/lib/auth/signed-in-post";
import { BadRequestError } from "@/lib/errors";
import { createSavedSearch, setUserTimeZone } from "@/lib/saved-searches/queries";
import { savedSearchFormSchema } from "@/lib/saved-searches/schemas";
import { filterToSearchParams, parseListingParams } from "@/lib/search/listing-params";
import { seeOther } from "@/lib/security/form-post";

/** POST /account/searches/create: save the listing's filters (parsed by the listing's own parser) with a name and a frequency. */
export async function POST(request: Request) {
  return signedInFormPost(request, async (user, fields) => {
    const input = savedSearchFormSchema.safeParse(fields);
    if (!input.success) throw new BadRequestError(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const { filter } = parseListingParams(new URLSearchParams(input.data.query));
    if (input.data.timeZone && input.data.timeZone !== user.timeZone) await setUserTimeZone(user.id, input.data.timeZone);
    const { id } = await createSavedSearch(user.id, { name: input.data.name, frequency: input.data.frequency, sendHour: input.data.sendHour, filter });
    return seeOther(`/account/searches?saved=${id}`);
  }, returnToForm);
}

/** Signed out meanwhile: sign in, then back to this same form. */
function returnToForm(fields: Record<string, string>): string {
  return `/account/searches/new?${filterToSearchParams(parseListingParams(new URLSearchParams(fields.query ?? "")).filter).toString()}`;
}
