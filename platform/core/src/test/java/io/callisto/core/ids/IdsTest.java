package io.callisto.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final Pattern BASE32_LOWER = Pattern.compile("[a-z2-7]{16}");
    /** RFC 1123 label: 1-63 lower-case letters, digits and inner dashes. */
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

    @Test
    void idIsThePrefixFollowedBySixteenLowerCaseBase32Characters() {
        for (int i = 0; i < 1_000; i++) {
            String id = Ids.next('k');
            assertThat(id).hasSize(17).startsWith("k");
            assertThat(id.substring(1)).matches(BASE32_LOWER);
        }
    }

    @Test
    void typedIdsUseTheirPrefixes() {
        assertThat(TenantId.generate().value()).startsWith("t").hasSize(17);
        assertThat(UserId.generate().value()).startsWith("u").hasSize(17);
    }

    @Test
    void tenantIdsAreValidDnsLabels() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(TenantId.generate().value()).matches(DNS_LABEL);
        }
    }

    @Test
    void tenThousandIdsHaveNoDuplicates() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Ids.next('x'));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void secretBytesHaveTheRequestedLengthAndDiffer() {
        byte[] a = Ids.secretBytes(32);
        byte[] b = Ids.secretBytes(32);
        assertThat(a).hasSize(32);
        assertThat(a).isNotEqualTo(b);
        assertThat(Ids.secretBytes(0)).isEmpty();
    }

    @Test
    void typedIdsRejectBlankAndOverlongValues() {
        assertThatThrownBy(() -> new TenantId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantId("t".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UserId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserId("u".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TenantId("t".repeat(64))).hasToString("t".repeat(64));
        assertThat(new UserId("u1")).hasToString("u1");
    }
}
