import { redirect } from "next/navigation";

/** The account is its saved searches. */
export default function AccountPage() {
  redirect("/account/searches");
}
