package vn.dvk.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.dvk.DvkIntegrationTest;
import vn.dvk.Logins;
import vn.dvk.identity.UserDirectory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every operation of the published OpenAPI document, sent hostile values (very long text, NUL bytes,
 * numbers too big for any column, absurd years, values of the wrong type) by an administrator and by a
 * commune editor, one field at a time on top of otherwise plausible input: none may answer 5xx.
 * Each request runs in a transaction rolled back afterwards, so nothing it wrote stays.
 */
@DvkIntegrationTest
class ApiFuzzTests {

    private static final String LONG = "ầ".repeat(100_000);
    private static final String NUL = "Tên\u0000có NUL";
    private static final long BUDGET_MILLIS = 90_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory directory;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactions;

    private JsonNode api;

    @Test
    void noHostileInputAnswersAServerError() throws Exception {
        api = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        List<Probe> probes = probes();
        assertThat(probes).hasSizeGreaterThan(50);
        List<String> failures = new ArrayList<>();
        RequestPostProcessor admin = Logins.as(directory, DvkIntegrationTest.ADMIN);
        RequestPostProcessor editor = Logins.as(directory, DvkIntegrationTest.PHI_LIENG_EDITOR);
        long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
        int sent = 0;
        for (int i = 0; i < probes.size() && System.currentTimeMillis() < deadline; i++) {
            Probe probe = probes.get(i);
            // every probe as the administrator (who gets furthest), every third one as a commune editor too
            for (var user : i % 3 == 0 ? List.of(Map.entry("admin", admin), Map.entry("editor", editor))
                    : List.of(Map.entry("admin", admin))) {
                int status = send(probe, user.getValue());
                sent++;
                if (status >= 500) {
                    failures.add(user.getKey() + " " + probe + " → " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(sent).as("requests sent within the time budget (of " + probes.size() + " probes)")
                .isGreaterThan(probes.size() / 2);
    }

    private int send(Probe probe, RequestPostProcessor login) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return template.execute(tx -> {
            tx.setRollbackOnly();
            try {
                MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(probe.method), probe.path)
                        .with(login).with(csrf()).accept(MediaType.APPLICATION_JSON, MediaType.ALL);
                probe.query.forEach(builder::queryParam);
                if (probe.body != null) {
                    builder.contentType(MediaType.APPLICATION_JSON).content(probe.body);
                }
                MvcResult result = mvc.perform(builder).andReturn();
                return result.getResponse().getStatus();
            } catch (Exception e) {
                return 599;
            }
        });
    }

    record Probe(String method, String path, Map<String, String> query, String body, String what) {
        @Override
        public String toString() {
            return method + " " + path + " [" + what + "]";
        }
    }

    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (method.equals("DELETE") || path.getKey().contains("/import")) {
                    continue;
                }
                probes.addAll(probesOf(method, path.getKey(), operation.getValue()));
            }
        }
        return probes;
    }

    private List<Probe> probesOf(String method, String template, JsonNode operation) {
        List<Probe> probes = new ArrayList<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", plausible(name, schema).asString());
                case "query" -> queryParams.put(name, schema);
                default -> { }
            }
        }
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode body = bodySchema.isMissingNode() ? null : plausible("body", resolve(bodySchema));
        String plainBody = body == null ? null : body.toString();
        for (Map.Entry<String, JsonNode> param : queryParams.entrySet()) {
            for (String hostile : hostileTexts(param.getValue())) {
                probes.add(new Probe(method, path, Map.of(param.getKey(), hostile), plainBody, "?" + param.getKey() + "=" + shortly(hostile)));
            }
        }
        if (body instanceof ObjectNode object) {
            JsonNode schema = resolve(bodySchema);
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                for (JsonNode hostile : hostileValues(property.getKey(), resolve(property.getValue()))) {
                    ObjectNode changed = object.deepCopy();
                    changed.set(property.getKey(), hostile);
                    probes.add(new Probe(method, path, Map.of(), changed.toString(), property.getKey() + "=" + shortly(hostile.toString())));
                }
            }
            probes.add(new Probe(method, path, Map.of(), "{\"x\": \"" + "1".repeat(40) + "\"", "broken JSON"));
        } else if (body != null) {
            for (JsonNode hostile : hostileValues(resolve(bodySchema))) {
                probes.add(new Probe(method, path, Map.of(), hostile.toString(), "body=" + shortly(hostile.toString())));
            }
        }
        if (template.contains("{")) {
            for (String hostile : List.of("99999999999999999999", "-1")) {
                String changed = template.replaceAll("\\{[^}]+}", hostile);
                probes.add(new Probe(method, changed, Map.of(), plainBody, "path=" + hostile));
            }
        }
        if (probes.isEmpty()) {
            probes.add(new Probe(method, path, Map.of(), plainBody, "plain"));
        }
        return probes;
    }

    private static String shortly(String text) {
        return text.length() > 30 ? text.substring(0, 12) + "…(" + text.length() + ")" : text;
    }

    /** Hostile query values: text, numbers out of range, wrong types. */
    private List<String> hostileTexts(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of(LONG, NUL, "1e400", "99999999999999999999"));
        if ("integer".equals(schema.path("type").asString())) {
            values.addAll(List.of("99999", "-1"));
        }
        return values;
    }

    private List<JsonNode> hostileValues(JsonNode schema) {
        return hostileValues("", schema);
    }

    private List<JsonNode> hostileValues(String name, JsonNode schema) {
        String type = schema.path("type").asString();
        List<JsonNode> values = new ArrayList<>();
        values.add(json.getNodeFactory().stringNode(LONG));
        switch (type) {
            case "string" -> values.add(json.getNodeFactory().stringNode(NUL));
            case "integer", "number" -> {
                values.add(raw("1e400"));
                values.add(raw("99999999999999999999"));
                if (name.toLowerCase().contains("year")) {
                    values.add(json.getNodeFactory().numberNode(99999));
                    values.add(json.getNodeFactory().numberNode(-1));
                }
            }
            case "array" -> {
                JsonNode items = resolve(schema.path("items"));
                if (!items.has("properties")) {
                    hostileValues(name, items).forEach(item -> values.add(json.getNodeFactory().arrayNode().add(item)));
                } else {
                    ObjectNode base = (ObjectNode) plausible("item", items);
                    for (Map.Entry<String, JsonNode> property : items.path("properties").properties()) {
                        for (JsonNode hostile : hostileValues(property.getKey(), resolve(property.getValue()))) {
                            ObjectNode changed = base.deepCopy();
                            changed.set(property.getKey(), hostile);
                            values.add(json.getNodeFactory().arrayNode().add(changed));
                        }
                    }
                }
            }
            case "boolean" -> values.add(json.getNodeFactory().stringNode("maybe"));
            default -> values.add(json.getNodeFactory().arrayNode().add(1));
        }
        return values;
    }

    private JsonNode raw(String number) {
        return number.contains("e") ? json.getNodeFactory().numberNode(new BigDecimal(number))
                : json.getNodeFactory().numberNode(new BigInteger(number));
    }

    /** A value likely to pass the checks before the one under attack. */
    private JsonNode plausible(String name, JsonNode schema) {
        var nodes = json.getNodeFactory();
        if (schema.has("enum")) {
            return nodes.stringNode(schema.get("enum").get(0).asString());
        }
        String lower = name.toLowerCase();
        return switch (schema.path("type").asString()) {
            case "integer" -> nodes.numberNode(lower.contains("year") ? 2025 : lower.equals("version") ? 0 : 1);
            case "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(false);
            case "array" -> nodes.arrayNode().add(plausible(name, resolve(schema.path("items"))));
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                schema.path("properties").properties().forEach(p -> object.set(p.getKey(), plausible(p.getKey(), resolve(p.getValue()))));
                yield object;
            }
            default -> nodes.stringNode(lower.contains("code") || lower.startsWith("unit") || lower.equals("parent") ? "674"
                    : "date".equals(schema.path("format").asString()) ? "2025-07-01" : "Mô hình thử");
        };
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return api.path("components").path("schemas").path(name);
        }
        return schema;
    }
}
