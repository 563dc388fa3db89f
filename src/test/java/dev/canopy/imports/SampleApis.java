package dev.canopy.imports;

import dev.canopy.testing.SourceApiStub;

/**
 * The sample ecosystem of {@link SampleExports} as each source's API answers it, in its recorded shapes: two good
 * partners and one with a broken email (over two pages where the source pages by cursor or number), a good link and
 * one with a slug Canopy cannot keep, two customers, and commissions paid, approved, pending and in an unknown status.
 */
final class SampleApis {

    private SampleApis() {}

    static void load(SourceApiStub stub, ImportSource source, String slug) {
        switch (source) {
            case PARTNERSTACK -> {
                stub.answer(source, "*", "empty", "{\"data\":{\"items\":[],\"has_more\":false}}");
                stub.answer(source, "/partnerships", "", """
                        {"data":{"items":[
                          {"key":"part_a","email":"ana@alpha.example","first_name":"Ana","last_name":"Alves",
                           "company":{"name":"Alpha Consulting"},"group":{"name":"Gold"},"address":{"country":"PT"}},
                          {"key":"part_b","email":"bo@beta.example","first_name":"Bo","last_name":"Berg","company":null,
                           "group":null,"address":{"country":"SE"}}],"has_more":true}}
                        """);
                stub.answer(source, "/partnerships", "part_b", """
                        {"data":{"items":[
                          {"key":"part_c","email":"not-an-email","first_name":"Cy","last_name":"Cole",
                           "company":{"name":"Gamma Ltd"},"group":null,"address":null}],"has_more":false}}
                        """);
                stub.answer(source, "/links/partnership/part_a", "", """
                        {"data":{"items":[{"key":"link_a","url":"https://acme.partnerlinks.io/%s",
                          "dest":"https://shop.example/pricing"}],"has_more":false}}
                        """.formatted(slug));
                stub.answer(source, "/links/partnership/part_b", "", """
                        {"data":{"items":[{"key":"link_b","url":"https://acme.partnerlinks.io/Bo_Ref",
                          "dest":"https://shop.example/"}],"has_more":false}}
                        """);
                stub.answer(source, "/customers", "", """
                        {"data":{"items":[
                          {"key":"cust_a","provider_key":"cus_A1","partnership_key":"part_a","email":"buyer@one.example",
                           "name":"One Inc","created_at":1767225600000,"test":false},
                          {"key":"cust_b","provider_key":null,"partnership_key":"part_b","email":"buyer@two.example",
                           "name":"Two Inc","created_at":1767312000000,"test":false}],"has_more":false}}
                        """);
                stub.answer(source, "/rewards", "", """
                        {"data":{"items":[
                          {"key":"rwd_1","partnership_key":"part_a","amount":5000,"currency":"USD","created_at":1767225600000,
                           "customer":{"external_key":"cus_A1"},"transaction":{"amount":50000},"reward_status":"paid"},
                          {"key":"rwd_2","partnership_key":"part_a","amount":2500,"currency":"USD","created_at":1769904000000,
                           "customer":{"external_key":"cus_A1"},"transaction":{"amount":25000},"reward_status":"approved"},
                          {"key":"rwd_3","partnership_key":"part_b","amount":1000,"currency":"USD","created_at":1772323200000,
                           "customer":null,"transaction":null,"reward_status":"pending"},
                          {"key":"rwd_4","partnership_key":"part_a","amount":700,"currency":"USD","created_at":1772323200000,
                           "customer":null,"transaction":null,"reward_status":"weird"}],"has_more":false}}
                        """);
            }
            case REWARDFUL -> {
                stub.answer(source, "*", "empty", "{\"data\":[],\"pagination\":{\"next_page\":null}}");
                stub.answer(source, "/affiliates", "1", """
                        {"pagination":{"next_page":2},"data":[
                          {"id":"aff-a","email":"ana@alpha.example","first_name":"Ana","last_name":"Alves",
                           "company":"Alpha Consulting","campaign":{"name":"Gold"},
                           "links":[{"id":"lnk-a","token":"%s","url":"https://shop.example/pricing?via=%s"}]},
                          {"id":"aff-b","email":"bo@beta.example","first_name":"Bo","last_name":"Berg","company":null,
                           "campaign":{"name":"Default"},"links":[{"id":"lnk-b","token":"Bo_Ref","url":"https://shop.example/"}]}]}
                        """.formatted(slug, slug));
                stub.answer(source, "/affiliates", "2", """
                        {"pagination":{"next_page":null},"data":[
                          {"id":"aff-c","email":"not-an-email","first_name":"Cy","last_name":"Cole","company":"Gamma Ltd",
                           "campaign":null,"links":[]}]}
                        """);
                stub.answer(source, "/referrals", "1", """
                        {"pagination":{"next_page":null},"data":[
                          {"id":"ref-a","stripe_customer_id":"cus_A1","affiliate":{"id":"aff-a"},
                           "customer":{"email":"buyer@one.example","name":"One Inc"},"conversion_state":"conversion",
                           "created_at":"2026-01-01T00:00:00.000Z"},
                          {"id":"ref-b","stripe_customer_id":null,"affiliate":{"id":"aff-b"},
                           "customer":{"email":"buyer@two.example","name":"Two Inc"},"conversion_state":"lead",
                           "created_at":"2026-01-02T00:00:00.000Z"}]}
                        """);
                stub.answer(source, "/commissions", "1", """
                        {"pagination":{"next_page":null},"data":[
                          {"id":"com-1","amount":5000,"currency":"USD","state":"paid","created_at":"2026-01-01T00:00:00Z",
                           "sale":{"affiliate":{"id":"aff-a"},"referral":{"stripe_customer_id":"cus_A1"},"sale_amount_cents":50000}},
                          {"id":"com-2","amount":2500,"currency":"USD","state":"due","created_at":"2026-02-01T00:00:00Z",
                           "sale":{"affiliate":{"id":"aff-a"},"referral":{"stripe_customer_id":"cus_A1"},"sale_amount_cents":25000}},
                          {"id":"com-3","amount":1000,"currency":"USD","state":"pending","created_at":"2026-03-01T00:00:00Z",
                           "sale":{"affiliate":{"id":"aff-b"},"referral":{"stripe_customer_id":null},"sale_amount_cents":10000}},
                          {"id":"com-4","amount":700,"currency":"USD","state":"weird","created_at":"2026-03-01T00:00:00Z",
                           "sale":{"affiliate":{"id":"aff-a"},"referral":null,"sale_amount_cents":7000}}]}
                        """);
            }
            case FIRSTPROMOTER -> {
                stub.answer(source, "*", "empty", "{\"data\":[]}");
                stub.answer(source, "/promoters", "1", """
                        {"data":[
                          {"id":101,"email":"ana@alpha.example","name":"Ana Alves",
                           "profile":{"company_name":"Alpha Consulting","country":"PT"},
                           "promoter_campaigns":[{"campaign":{"name":"Gold"},"ref_token":"%s"}]},
                          {"id":102,"email":"bo@beta.example","name":"Bo Berg","profile":{"company_name":null,"country":"SE"},
                           "promoter_campaigns":[{"campaign":{"name":"Default"},"ref_token":"Bo_Ref"}]},
                          {"id":103,"email":"not-an-email","name":"Cy Cole","profile":{"company_name":"Gamma Ltd","country":"GB"},
                           "promoter_campaigns":[]}]}
                        """.formatted(slug));
                stub.answer(source, "/referrals", "1", """
                        {"data":[
                          {"id":201,"uid":"cus_A1","email":"buyer@one.example","state":"active","created_at":"2026-01-01T00:00:00Z",
                           "promoter_campaign":{"promoter":{"email":"ana@alpha.example"}}},
                          {"id":202,"uid":null,"email":"buyer@two.example","state":"signup","created_at":"2026-01-02T00:00:00Z",
                           "promoter_campaign":{"promoter":{"email":"bo@beta.example"}}}]}
                        """);
                stub.answer(source, "/commissions", "1", """
                        {"data":[
                          {"id":301,"status":"approved","is_paid":true,"amount":5000,"original_sale_currency":"USD",
                           "sale_amount":50000,"created_at":"2026-01-01T00:00:00Z","referral":{"uid":"cus_A1"},
                           "promoter_campaign":{"promoter":{"email":"ana@alpha.example"}}},
                          {"id":302,"status":"approved","is_paid":false,"amount":2500,"original_sale_currency":"USD",
                           "sale_amount":25000,"created_at":"2026-02-01T00:00:00Z","referral":{"uid":"cus_A1"},
                           "promoter_campaign":{"promoter":{"email":"ana@alpha.example"}}},
                          {"id":303,"status":"pending","is_paid":false,"amount":1000,"original_sale_currency":"USD",
                           "sale_amount":10000,"created_at":"2026-03-01T00:00:00Z","referral":null,
                           "promoter_campaign":{"promoter":{"email":"bo@beta.example"}}},
                          {"id":304,"status":"weird","is_paid":false,"amount":700,"original_sale_currency":"USD",
                           "sale_amount":7000,"created_at":"2026-03-01T00:00:00Z","referral":null,
                           "promoter_campaign":{"promoter":{"email":"ana@alpha.example"}}}]}
                        """);
            }
            case TOLT -> {
                stub.answer(source, "*", "empty", "{\"success\":true,\"data\":[],\"has_more\":false}");
                stub.answer(source, "/partners", "", """
                        {"success":true,"has_more":true,"data":[
                          {"id":"part_a","email":"ana@alpha.example","first_name":"Ana","last_name":"Alves",
                           "company_name":"Alpha Consulting","country_code":"PT","group":{"name":"Gold"}},
                          {"id":"part_b","email":"bo@beta.example","first_name":"Bo","last_name":"Berg","company_name":null,
                           "country_code":"SE","group":null}]}
                        """);
                stub.answer(source, "/partners", "part_b", """
                        {"success":true,"has_more":false,"data":[
                          {"id":"part_c","email":"not-an-email","first_name":"Cy","last_name":"Cole","company_name":"Gamma Ltd",
                           "country_code":"GB","group":null}]}
                        """);
                stub.answer(source, "/links", "", """
                        {"success":true,"has_more":false,"data":[
                          {"id":"lnk_a","param":"ref","value":"%s","partner":{"id":"part_a"}},
                          {"id":"lnk_b","param":"ref","value":"Bo_Ref","partner":{"id":"part_b"}},
                          {"id":"lnk_c","param":"ref","value":"zed","partner":{"id":"part_z"}}]}
                        """.formatted(slug));
                stub.answer(source, "/customers", "", """
                        {"success":true,"has_more":false,"data":[
                          {"id":"cust_a","customer_id":"cus_A1","email":"buyer@one.example","name":"One Inc","status":"active",
                           "created_at":"2026-01-01T00:00:00Z","partner":{"id":"part_a"}},
                          {"id":"cust_b","customer_id":null,"email":"buyer@two.example","name":"Two Inc","status":"trialing",
                           "created_at":"2026-01-02T00:00:00Z","partner":{"id":"part_b"}}]}
                        """);
                stub.answer(source, "/commissions", "", """
                        {"success":true,"has_more":false,"data":[
                          {"id":"com_1","amount":"5000","revenue":"50000","currency":"USD","status":"paid",
                           "created_at":"2026-01-01T00:00:00Z","partner":{"id":"part_a"},"customer":{"id":"cust_a"}},
                          {"id":"com_2","amount":"2500","revenue":"25000","currency":"USD","status":"approved",
                           "created_at":"2026-02-01T00:00:00Z","partner":{"id":"part_a"},"customer":{"id":"cust_a"}},
                          {"id":"com_3","amount":"1000","revenue":"10000","currency":"USD","status":"pending",
                           "created_at":"2026-03-01T00:00:00Z","partner":{"id":"part_b"},"customer":null},
                          {"id":"com_4","amount":"700","revenue":"7000","currency":"USD","status":"weird",
                           "created_at":"2026-03-01T00:00:00Z","partner":{"id":"part_a"},"customer":null}]}
                        """);
            }
            case DUB -> {
                stub.answer(source, "*", "empty", "[]");
                stub.answer(source, "/partners", "1", """
                        [{"id":"pn_a","email":"ana@alpha.example","name":"Ana Alves","companyName":"Alpha Consulting",
                          "country":"PT","group":{"name":"Gold"}},
                         {"id":"pn_b","email":"bo@beta.example","name":"Bo Berg","companyName":null,"country":"SE","group":null},
                         {"id":"pn_c","email":"not-an-email","name":"Cy Cole","companyName":"Gamma Ltd","country":"GB",
                          "group":null}]
                        """);
                stub.answer(source, "/links", "1", """
                        [{"id":"link_a","partnerId":"pn_a","key":"%s","url":"https://shop.example/pricing"},
                         {"id":"link_b","partnerId":"pn_b","key":"Bo_Ref","url":"https://shop.example/"},
                         {"id":"link_c","partnerId":"pn_z","key":"zed","url":"https://shop.example/"}]
                        """.formatted(slug));
                stub.answer(source, "/customers", "1", """
                        [{"id":"cus_a","externalId":"cus_A1","email":"buyer@one.example","name":"One Inc",
                          "createdAt":"2026-01-01T00:00:00.000Z","partner":{"id":"pn_a"}},
                         {"id":"cus_b","externalId":null,"email":"buyer@two.example","name":"Two Inc",
                          "createdAt":"2026-01-02T00:00:00.000Z","partner":{"id":"pn_b"}}]
                        """);
                stub.answer(source, "/commissions", "1", """
                        [{"id":"cm_1","earnings":5000,"currency":"usd","amount":50000,"status":"paid",
                          "createdAt":"2026-01-01T00:00:00.000Z","partner":{"id":"pn_a"},"customer":{"id":"cus_A1"}},
                         {"id":"cm_2","earnings":2500,"currency":"usd","amount":25000,"status":"processed",
                          "createdAt":"2026-02-01T00:00:00.000Z","partner":{"id":"pn_a"},"customer":{"id":"cus_A1"}},
                         {"id":"cm_3","earnings":1000,"currency":"usd","amount":10000,"status":"pending",
                          "createdAt":"2026-03-01T00:00:00.000Z","partner":{"id":"pn_b"},"customer":null},
                         {"id":"cm_4","earnings":700,"currency":"usd","amount":7000,"status":"weird",
                          "createdAt":"2026-03-01T00:00:00.000Z","partner":{"id":"pn_a"},"customer":null}]
                        """);
            }
            case CSV -> throw new IllegalArgumentException("The vendor's own files have no API");
        }
    }
}
