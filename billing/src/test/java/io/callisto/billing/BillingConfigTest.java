package io.callisto.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingConfigTest {
    static BillingConfig config(Map<String, String> settings) {
        return BillingConfig.from(settings::get);
    }

    @Test
    void withoutAKeyBillingIsDisabledWithDefaults() {
        BillingConfig config = config(Map.of());
        assertThat(config.enabled()).isFalse();
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofDays(7));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(config.publicUrl()).hasToString("http://localhost:8080");
    }

    @Test
    void aKeyNeedsTheWebhookSecretAndTheSeatPrice() {
        assertThatThrownBy(() -> config(Map.of("STRIPE_API_KEY", "sk_test_1")))
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
        assertThatThrownBy(() -> config(Map.of("STRIPE_API_KEY", "sk_test_1", "STRIPE_WEBHOOK_SECRET", "whsec_1")))
                .hasMessageContaining("STRIPE_SEAT_PRICE_ID");
    }

    @Test
    void everySettingIsRead() {
        Map<String, String> s = new HashMap<>(Map.of("STRIPE_API_KEY", "sk_test_1", "STRIPE_WEBHOOK_SECRET", "whsec_1",
                "STRIPE_SEAT_PRICE_ID", "price_seat", "STRIPE_API_BASE", "http://127.0.0.1:12111",
                "STRIPE_USAGE_METER", "call_minutes", "CALLISTO_BILLING_TRIAL_DAYS", "14",
                "CALLISTO_BILLING_GRACE_PERIOD", "P3D", "CALLISTO_BILLING_RETENTION", "P30D",
                "CALLISTO_PUBLIC_URL", "https://cc.example.test/"));
        BillingConfig config = config(s);
        assertThat(config.enabled()).isTrue();
        assertThat(config.apiBase()).isEqualTo("http://127.0.0.1:12111");
        assertThat(config.usageMeter()).isEqualTo("call_minutes");
        assertThat(config.trialDays()).isEqualTo(14);
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofDays(3));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.publicUrl()).hasToString("https://cc.example.test");
    }

    @Test
    void badValuesNameTheirSetting() {
        assertThatThrownBy(() -> config(Map.of("CALLISTO_BILLING_GRACE_PERIOD", "a week")))
                .hasMessageContaining("CALLISTO_BILLING_GRACE_PERIOD");
        assertThatThrownBy(() -> config(Map.of("CALLISTO_BILLING_TRIAL_DAYS", "-1")))
                .hasMessageContaining("CALLISTO_BILLING_TRIAL_DAYS");
        assertThatThrownBy(() -> config(Map.of("CALLISTO_PUBLIC_URL", "ftp://x")))
                .hasMessageContaining("CALLISTO_PUBLIC_URL");
        assertThatThrownBy(() -> config(Map.of("STRIPE_API_KEY", "k", "STRIPE_WEBHOOK_SECRET", "w",
                "STRIPE_SEAT_PRICE_ID", "p", "STRIPE_API_BASE", "not a url")))
                .hasMessageContaining("STRIPE_API_BASE");
    }
}
