// What an integrator does with the TypeScript SDK generated from docs/api/openapi.json, run by
// IntegratorDrivesCanopyWithTheTypeScriptSdk against a started Canopy (CANOPY_URL, CANOPY_KEY, CANOPY_PROGRAM).
import {
    CommissionsApi,
    Configuration,
    EventsApi,
    LinksApi,
    PartnersApi,
    ProgrammesApi,
    ResponseError,
} from "../../../target/generated-sdk/typescript/src/index";

// Node's process, declared here rather than through @types/node: the scenario needs only these two members.
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error("failed: " + what);
    }
}

async function main(): Promise<void> {
    const config = new Configuration({
        basePath: process.env.CANOPY_URL,
        headers: { Authorization: "Bearer " + process.env.CANOPY_KEY },
    });
    const partners = new PartnersApi(config);
    const unique = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

    const created: string[] = [];
    for (const name of ["Acme", "Globex", "Initech"]) {
        const partner = await partners.createPartner({
            newPartnerRequest: { name: `${name} ${unique}`, contactName: "Pat Lee", contactEmail: `pat-${name}-${unique}@example.com` },
        });
        created.push(partner.id);
    }

    const seen: string[] = [];
    let cursor: string | undefined = undefined;
    do {
        const page: Awaited<ReturnType<PartnersApi["listPartners"]>> = await partners.listPartners({ limit: 2, cursor });
        check(page.data.length <= 2, "a page holds at most the limit");
        seen.push(...page.data.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
    } while (cursor);
    check(created.every((id) => seen.includes(id)), "paging reaches every partner created");
    check(new Set(seen).size === seen.length, "no partner is on two pages");

    const acme = created[0];
    const programme = process.env.CANOPY_PROGRAM as string;
    await new ProgrammesApi(config).enrolPartner({ id: programme, enrolmentRequest: { partnerId: acme } });
    const link = await new LinksApi(config).createLink({
        linkDraft: { partnerId: acme, programId: programme, destination: "https://www.shop.example/pricing" },
    });

    const visit = await fetch(link.url, { redirect: "manual", headers: { "User-Agent": "Mozilla/5.0 Safari/605.1 " + unique } });
    check(visit.status === 302, "the link redirects");
    const clickId = /cnp_click=([0-9a-f-]{36})/.exec(visit.headers.get("Location") ?? "")?.[1];
    check(clickId !== undefined, "the redirect carries a click id");

    const events = new EventsApi(config);
    const lead = await events.recordLead({ eventInput: { id: `lead-${unique}`, email: `buyer-${unique}@example.com`, clickId } });
    check(lead.partnerId === acme, "the lead is the partner's");
    const sale = { id: `sale-${unique}`, email: `buyer-${unique}@example.com`, invoiceId: `in_${unique}`, amount: "200.00", currency: "EUR" };
    const first = await events.recordSale({ eventInput: sale, idempotencyKey: `sale-key-${unique}` });
    const retried = await events.recordSale({ eventInput: sale, idempotencyKey: `sale-key-${unique}` });
    check(JSON.stringify(first) === JSON.stringify(retried), "a retried sale answers the first outcome");

    const commissions = new CommissionsApi(config);
    let earned = await commissions.listCommissions({ partnerId: acme });
    for (let tries = 0; earned.data.length === 0 && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        earned = await commissions.listCommissions({ partnerId: acme });
    }
    check(earned.data.length === 1, "one commission, however often the sale was sent");
    check(earned.data[0].amount === "20.00" && earned.data[0].currency === "EUR", "10 % of the sale, in euros");

    try {
        await partners.createPartner({ newPartnerRequest: { name: " ", contactName: "Pat Lee", contactEmail: `pat-${unique}@example.com` } });
        check(false, "a blank name is refused");
    } catch (e) {
        check(e instanceof ResponseError, "an error is a ResponseError");
        const response = (e as ResponseError).response;
        const problem = await response.json();
        check(response.status === 400, "bad input is a 400");
        check(problem.type === "urn:canopy:problem:invalid-input", "the problem's type names its kind");
        check(problem.errors[0].field === "name", "the problem names the field");
        check(problem.instance === response.headers.get("Request-Id"), "the problem's instance is the request id");
    }
    console.log(JSON.stringify({ partner: acme, commission: earned.data[0].id }));
}

main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
