package org.disclosureledger.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies for tests: a valid disclosure as a mutable map, so each test changes just the part it is about.
 * The Medicaid ids are made up and distinctive, so a test can search logs and stored events for them.
 */
public final class Examples {

    private Examples() {}

    /** A valid single disclosure of the given subjects' Medicaid ids (all in California). */
    public static Map<String, Object> disclosure(String id, String... medicaidIds) {
        Map<String, Object> body = bulkDisclosure(id);
        List<Object> subjects = new ArrayList<>();
        for (String medicaidId : medicaidIds) {
            subjects.add(subject("CA", medicaidId));
        }
        body.put("subjects", subjects);
        return body;
    }

    /** A valid bulk disclosure opening (no subjects). */
    public static Map<String, Object> bulkDisclosure(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("disclosureId", id);
        body.put("occurredAt", "2025-06-10T15:00:00Z");
        body.put("custodian", map("state", "CA", "agencyName", "California Department of Health Care Services"));
        body.put("disclosingSystem", "cms-t-msis");
        body.put("releasingOfficial", "Deputy Administrator, Center for Medicaid and CHIP Services");
        body.put(
                "recipient",
                map(
                        "agencyId",
                        "us-dhs-ice",
                        "name",
                        "U.S. Immigration and Customs Enforcement",
                        "component",
                        "Enforcement and Removal Operations",
                        "address",
                        "500 12th St SW, Washington, DC 20536"));
        body.put("requester", "Office of the Director, ICE");
        body.put("purpose", map("code", "LAW", "text", "Locating individuals for immigration enforcement"));
        body.put(
                "legalAuthority",
                map(
                        "citations",
                        List.of("5 U.S.C. 552a(b)(7)"),
                        "documentReference",
                        "CMS-ICE information sharing agreement, 2025-06"));
        body.put("dataCategories", new ArrayList<>(List.of("NAME", "ADDRESS", "SSN", "IMMIGRATION_STATUS")));
        body.put("mode", "BULK_FILE");
        body.put("recordCount", 2);
        return body;
    }

    /** One subject as a request names them. */
    public static Map<String, Object> subject(String state, String medicaidId) {
        return map("state", state, "medicaidId", medicaidId);
    }

    /** A map from alternating keys and values, keeping their order and allowing changes. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
