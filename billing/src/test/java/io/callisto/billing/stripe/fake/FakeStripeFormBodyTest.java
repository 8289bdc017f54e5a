package io.callisto.billing.stripe.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FormBody}: Stripe's bracketed form keys, decoded and kept exactly as sent. */
class FakeStripeFormBodyTest {

    @Test
    void decodesBracketKeysAndPercentEncoding() {
        FormBody body = FormBody.parse("line_items%5B0%5D%5Bprice%5D=price_seat&line_items%5B0%5D%5Bquantity%5D=3"
                + "&metadata%5Btenant_id%5D=t%2042&success_url=https%3A%2F%2Fapp.test%2Fok%3Fa%3D1%26b%3D2&name=A+B");

        assertThat(body.asMap()).containsExactly(
                Map.entry("line_items[0][price]", List.of("price_seat")),
                Map.entry("line_items[0][quantity]", List.of("3")),
                Map.entry("metadata[tenant_id]", List.of("t 42")),
                Map.entry("success_url", List.of("https://app.test/ok?a=1&b=2")),
                Map.entry("name", List.of("A B")));
        assertThat(body.get("line_items[0][price]")).isEqualTo("price_seat");
        assertThat(body.get("missing")).isNull();
        assertThat(body.has("name")).isTrue();
    }

    @Test
    void mapsOneLevelBelowAPrefix() {
        FormBody body = FormBody.parse("subscription_data[metadata][tenant_id]=t1&subscription_data[metadata][plan]=pro"
                + "&subscription_data[trial_period_days]=14&metadata[source]=signup&metadata[deep][x]=no");

        assertThat(body.map("subscription_data[metadata]"))
                .containsExactly(Map.entry("tenant_id", "t1"), Map.entry("plan", "pro"));
        assertThat(body.map("metadata")).containsExactly(Map.entry("source", "signup"));
        assertThat(body.map("subscription_data")).containsExactly(Map.entry("trial_period_days", "14"));
    }

    @Test
    void listsArrayParametersInBothStripeForms() {
        FormBody brackets = FormBody.parse("expand[]=subscription&expand[]=customer&expanded=no");
        FormBody indexed = FormBody.parse("expand%5B0%5D=subscription&expand%5B1%5D=customer");

        assertThat(brackets.list("expand")).containsExactly("subscription", "customer");
        assertThat(brackets.get("expand[]")).isEqualTo("subscription");
        assertThat(indexed.list("expand")).containsExactly("subscription", "customer");
    }

    @Test
    void emptyInputsAndMerging() {
        assertThat(FormBody.parse(null).isEmpty()).isTrue();
        assertThat(FormBody.parse("").asMap()).isEmpty();
        assertThat(FormBody.parse("flag").get("flag")).isEmpty();

        FormBody merged = FormBody.parse("customer=cus_1&limit=3").merge(FormBody.parse("limit=5&name=x"));

        assertThat(merged.asMap()).containsExactly(Map.entry("customer", List.of("cus_1")),
                Map.entry("limit", List.of("3", "5")), Map.entry("name", List.of("x")));
    }
}
