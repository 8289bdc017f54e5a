package io.callisto.core.contract;

import static io.callisto.core.testing.CallistoAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callisto.core.crm.Contact;
import io.callisto.core.crm.ContactRepository;
import io.callisto.core.error.ErrorKind;
import io.callisto.core.ids.TenantId;
import io.callisto.core.page.Page;
import io.callisto.core.page.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ContactRepository contract: lookups by phone and email, search, tenant isolation. */
public abstract class ContactRepositoryContract {
    protected RepositoryFixture fx;
    private TenantId a;
    private TenantId b;

    protected abstract RepositoryFixture createFixture();

    @BeforeEach
    void open() {
        fx = createFixture();
        a = AcdFixtures.newTenant(fx);
        b = AcdFixtures.newTenant(fx);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ContactRepository contacts() {
        return fx.contacts();
    }

    private Contact insert(TenantId tenant, Contact contact) {
        fx.transactions().runInTenant(tenant, () -> contacts().insert(tenant, contact));
        return contact;
    }

    private boolean update(TenantId tenant, Contact contact) {
        return fx.transactions().inTenant(tenant, () -> contacts().update(tenant, contact));
    }

    private boolean delete(TenantId tenant, String contactId) {
        return fx.transactions().inTenant(tenant, () -> contacts().delete(tenant, contactId));
    }

    private List<Contact> search(TenantId tenant, String text, String phone) {
        return contacts().search(tenant, text, phone, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private static Contact ann() {
        return AcdFixtures.contact("c-ann", "Ann Smith", "Acme GmbH", List.of("+4930123456", "+14155550100"),
                List.of("ann@acme.test", "ann.smith@home.test"));
    }

    @Test
    void roundTripsEveryField() {
        Contact ann = insert(a, ann());

        Contact found = contacts().find(a, "c-ann").orElseThrow();
        assertThat(found).isEqualTo(ann);
        assertThat(found.phones()).containsExactly("+4930123456", "+14155550100");
        assertThat(found.emails()).containsExactly("ann@acme.test", "ann.smith@home.test");
        assertThat(found.company()).isEqualTo("Acme GmbH");
        assertThat(found.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("account", "A-17", "tier", "gold"));
        assertThat(found.createdAt()).isEqualTo(ann.createdAt());
        assertThat(found.updatedAt()).isEqualTo(ann.updatedAt());
    }

    @Test
    void roundTripsEmptyListsNullCompanyAndUnicode() {
        Contact bare = insert(a, new Contact("c-bare", "X", List.of(), List.of(), null, Map.of(), Fixtures.NOW, Fixtures.NOW));
        Contact unicode = insert(a, new Contact("c-uni", AcdFixtures.UNICODE, List.of("+81312345678"), List.of("zoë@例え.jp"),
                "株式会社 Ünal", Map.of("Notiz", AcdFixtures.UNICODE, "日本語", "", "quote\"key", "line\nbreak"),
                Fixtures.NOW, Fixtures.NOW.plusMillis(7)));
        List<String> manyPhones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            manyPhones.add("+4930" + (900 - i));
        }
        Contact many = insert(a, new Contact("c-many", "Many", manyPhones, List.of("b@x.test", "a@x.test"), "", Map.of(),
                Fixtures.NOW, Fixtures.NOW));

        assertThat(contacts().find(a, "c-bare")).contains(bare);
        assertThat(contacts().find(a, "c-uni")).contains(unicode);
        assertThat(contacts().find(a, "c-many")).contains(many);
        assertThat(contacts().find(a, "c-many").orElseThrow().phones()).containsExactlyElementsOf(manyPhones);
        assertThat(contacts().findByEmail(a, "zoë@例え.jp")).contains(unicode);
    }

    @Test
    void roundTripsAsManyAndAsLongValuesAsTheServiceAllows() {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fields.put(("f" + i + "-ü").repeat(16).substring(0, 64), (i + "\"ö\u0001\n Zoë 日本語 \\ ").repeat(200)
                    .substring(0, 2000));
        }
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            phones.add("+1555" + "0".repeat(7) + String.format("%03d", i));
            emails.add("x".repeat(240) + i + "@example.test");
        }
        Contact big = insert(a, new Contact("c-big", "N".repeat(200), phones, emails, "C".repeat(200), fields, Fixtures.NOW,
                Fixtures.NOW));

        assertThat(contacts().find(a, "c-big")).contains(big);
        assertThat(contacts().findByEmail(a, emails.get(19))).contains(big);
        assertThat(search(a, "x".repeat(100) + "19@", null)).containsExactly(big);
    }

    @Test
    void findsByExactPhoneAndEmail() {
        Contact ann = insert(a, ann());
        Contact bob = insert(a, AcdFixtures.contact("c-bob", "Bob", null, List.of("+4930999"), List.of("bob@acme.test")));

        assertThat(contacts().findByPhone(a, "+14155550100")).contains(ann);
        assertThat(contacts().findByPhone(a, "+4930999")).contains(bob);
        assertThat(contacts().findByEmail(a, "ann.smith@home.test")).contains(ann);
        assertThat(contacts().findByEmail(a, "bob@acme.test")).contains(bob);
        assertThat(contacts().findByPhone(a, "+4930")).isEmpty();
        assertThat(contacts().findByPhone(a, "4930123456")).isEmpty();
        assertThat(contacts().findByEmail(a, "ann@acme")).isEmpty();
        assertThat(contacts().findByEmail(a, "ANN@ACME.TEST")).isEmpty();
        assertThat(contacts().find(a, "c-nobody")).isEmpty();
    }

    @Test
    void aSharedPhoneOrEmailFindsTheLowestId() {
        insert(a, AcdFixtures.contact("c-3", "Third", null, List.of("+100"), List.of("desk@acme.test")));
        Contact lowest = insert(a, AcdFixtures.contact("c-1", "First", null, List.of("+999", "+100"),
                List.of("x@acme.test", "desk@acme.test")));
        insert(a, AcdFixtures.contact("c-2", "Second", null, List.of("+100"), List.of("desk@acme.test")));

        assertThat(contacts().findByPhone(a, "+100")).contains(lowest);
        assertThat(contacts().findByEmail(a, "desk@acme.test")).contains(lowest);
    }

    @Test
    void aSecondContactWithTheSameIdConflicts() {
        Contact ann = insert(a, ann());

        assertFails(() -> insert(a, AcdFixtures.contact("c-ann", "Other", null, List.of("+1"), List.of())),
                ErrorKind.CONFLICT, "duplicate-id");

        assertThat(contacts().find(a, "c-ann")).contains(ann);
        assertThat(contacts().findByPhone(a, "+1")).isEmpty();
    }

    @Test
    void searchMatchesACaseInsensitiveSubstringOfNameCompanyOrEmail() {
        Contact ann = insert(a, ann());
        Contact zoe = insert(a, AcdFixtures.contact("c-zoe", "ZOË Ünal", "Globex", List.of("+4940111"),
                List.of("zoe@globex.test")));
        Contact carl = insert(a, AcdFixtures.contact("c-carl", "Carl", null, List.of(), List.of("carl@initech.test")));

        assertThat(search(a, "smith", null)).containsExactly(ann);
        assertThat(search(a, "ANN S", null)).containsExactly(ann);
        assertThat(search(a, "acme", null)).containsExactly(ann);
        assertThat(search(a, "gmbh", null)).containsExactly(ann);
        assertThat(search(a, "zoë", null)).containsExactly(zoe);
        assertThat(search(a, "ünal", null)).containsExactly(zoe);
        assertThat(search(a, "GLOBEX", null)).containsExactly(zoe);
        assertThat(search(a, "initech", null)).containsExactly(carl);
        assertThat(search(a, "home.test", null)).containsExactly(ann);
        assertThat(search(a, "a", null)).containsExactly(ann, carl, zoe);
        assertThat(search(a, "nobody", null)).isEmpty();
        assertThat(search(a, "+4930", null)).isEmpty();
    }

    @Test
    void searchTakesWildcardsLiterally() {
        Contact percent = insert(a, AcdFixtures.contact("c-1", "100% Support", null, List.of(), List.of()));
        Contact underscore = insert(a, AcdFixtures.contact("c-2", "snake_case", null, List.of(), List.of("a_b@x.test")));
        Contact bang = insert(a, AcdFixtures.contact("c-3", "Wow! Ltd", "back\\slash", List.of(), List.of()));
        insert(a, AcdFixtures.contact("c-4", "1000 Support snakeXcase", null, List.of(), List.of("axb@x.test")));

        assertThat(search(a, "0%", null)).containsExactly(percent);
        assertThat(search(a, "%", null)).containsExactly(percent);
        assertThat(search(a, "e_c", null)).containsExactly(underscore);
        assertThat(search(a, "a_b", null)).containsExactly(underscore);
        assertThat(search(a, "wow!", null)).containsExactly(bang);
        assertThat(search(a, "!", null)).containsExactly(bang);
        assertThat(search(a, "k\\s", null)).containsExactly(bang);
    }

    @Test
    void searchByExactPhoneAndByBoth() {
        Contact ann = insert(a, ann());
        Contact bob = insert(a, AcdFixtures.contact("c-bob", "Bob", "Acme GmbH", List.of("+4930123456"), List.of()));
        insert(a, AcdFixtures.contact("c-carl", "Carl", "Acme GmbH", List.of("+4930123457"), List.of()));

        assertThat(search(a, null, "+4930123456")).containsExactly(ann, bob);
        assertThat(search(a, null, "+14155550100")).containsExactly(ann);
        assertThat(search(a, null, "+4930")).isEmpty();
        assertThat(search(a, "bob", "+4930123456")).containsExactly(bob);
        assertThat(search(a, "carl", "+4930123456")).isEmpty();
        assertThat(search(a, null, null)).extracting(Contact::id).containsExactly("c-ann", "c-bob", "c-carl");
    }

    @Test
    void searchPagesInIdOrder() {
        List<Contact> matching = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            matching.addFirst(insert(a, AcdFixtures.contact("c-" + i, "Match " + i, null, List.of("+1"), List.of())));
            insert(a, AcdFixtures.contact("c-" + i + "x", "Other " + i, null, List.of("+2"), List.of()));
        }

        Page<Contact> first = contacts().search(a, "match", null, PageRequest.first(3));
        Page<Contact> second = contacts().search(a, "match", null, new PageRequest(3, first.next()));
        Page<Contact> third = contacts().search(a, "match", null, new PageRequest(3, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(matching.subList(0, 3));
        assertThat(first.next()).isEqualTo("c-2");
        assertThat(second.items()).containsExactlyElementsOf(matching.subList(3, 6));
        assertThat(third.items()).containsExactlyElementsOf(matching.subList(6, 7));
        assertThat(third.next()).isNull();
        assertThat(contacts().search(a, null, "+1", PageRequest.first(7)).next()).isNull();
        assertThat(contacts().search(a, null, "+1", PageRequest.first(6)).next()).isEqualTo("c-5");
        assertThat(contacts().search(a, null, null, PageRequest.first(14)).items()).hasSize(14);
        assertThat(contacts().search(a, null, null, new PageRequest(5, "c-6")).items()).extracting(Contact::id)
                .containsExactly("c-6x");
    }

    @Test
    void updateReplacesEveryFieldPhonesAndEmails() {
        insert(a, ann());
        Contact changed = new Contact("c-ann", "Ann Jones", List.of("+14155550100", "+33100000000", "+4930555"),
                List.of("ann@jones.test"), null, Map.of("tier", "silver"), Fixtures.NOW, Fixtures.NOW.plusSeconds(30));

        assertThat(update(a, changed)).isTrue();

        assertThat(contacts().find(a, "c-ann")).contains(changed);
        assertThat(contacts().findByPhone(a, "+4930123456")).isEmpty();
        assertThat(contacts().findByPhone(a, "+33100000000")).contains(changed);
        assertThat(contacts().findByEmail(a, "ann@acme.test")).isEmpty();
        assertThat(contacts().findByEmail(a, "ann@jones.test")).contains(changed);
        assertThat(search(a, "smith", null)).isEmpty();
        assertThat(search(a, "acme", null)).isEmpty();
        assertThat(search(a, "jones", null)).containsExactly(changed);

        Contact emptied = new Contact("c-ann", "Ann", List.of(), List.of(), null, Map.of(), Fixtures.NOW, Fixtures.NOW);
        assertThat(update(a, emptied)).isTrue();
        assertThat(contacts().find(a, "c-ann")).contains(emptied);
        assertThat(contacts().findByPhone(a, "+14155550100")).isEmpty();
    }

    @Test
    void updatesTwiceWithinOneUnitOfWork() {
        Contact last = new Contact("c-ann", "Ann", List.of("+3", "+1"), List.of("z@x.test"), "Co", Map.of("k", "v"),
                Fixtures.NOW, Fixtures.NOW.plusSeconds(2));

        Contact seen = fx.transactions().inTenant(a, () -> {
            contacts().insert(a, ann());
            contacts().update(a, AcdFixtures.contact("c-ann", "Ann", "Co", List.of("+1", "+2", "+3"), List.of()));
            contacts().update(a, last);
            return contacts().find(a, "c-ann").orElseThrow();
        });

        assertThat(seen).isEqualTo(last);
        assertThat(contacts().find(a, "c-ann")).contains(last);
        assertThat(contacts().findByPhone(a, "+2")).isEmpty();
    }

    @Test
    void updateOrDeleteOfAnUnknownContactIsFalse() {
        assertThat(update(a, ann())).isFalse();
        assertThat(delete(a, "c-ann")).isFalse();
        assertThat(contacts().find(a, "c-ann")).isEmpty();
        assertThat(contacts().findByPhone(a, "+4930123456")).isEmpty();
    }

    @Test
    void deleteRemovesTheContactWithItsPhonesAndEmails() {
        insert(a, ann());

        assertThat(delete(a, "c-ann")).isTrue();
        assertThat(delete(a, "c-ann")).isFalse();

        assertThat(contacts().find(a, "c-ann")).isEmpty();
        assertThat(contacts().findByPhone(a, "+4930123456")).isEmpty();
        assertThat(contacts().findByEmail(a, "ann@acme.test")).isEmpty();
        assertThat(search(a, null, null)).isEmpty();
        Contact again = insert(a, AcdFixtures.contact("c-ann", "Ann again", null, List.of("+4930123456"), List.of()));
        assertThat(contacts().findByPhone(a, "+4930123456")).contains(again);
    }

    @Test
    void anotherTenantSeesNothingAndChangesNothing() {
        Contact ann = insert(a, ann());

        assertThat(contacts().find(b, "c-ann")).isEmpty();
        assertThat(contacts().findByPhone(b, "+4930123456")).isEmpty();
        assertThat(contacts().findByEmail(b, "ann@acme.test")).isEmpty();
        assertThat(search(b, null, null)).isEmpty();
        assertThat(search(b, "ann", null)).isEmpty();
        assertThat(search(b, null, "+4930123456")).isEmpty();
        assertThat(update(b, AcdFixtures.contact("c-ann", "Hijacked", null, List.of(), List.of()))).isFalse();
        assertThat(delete(b, "c-ann")).isFalse();

        assertThat(contacts().find(a, "c-ann")).contains(ann);
        assertThat(contacts().findByPhone(a, "+4930123456")).contains(ann);
    }

    @Test
    void theSameContactIdInTwoTenantsKeepsItsOwnPhonesAndEmails() {
        Contact inA = insert(a, ann());
        Contact inB = insert(b, AcdFixtures.contact("c-ann", "Bea", "Other", List.of("+4940999"), List.of("bea@other.test")));

        assertThat(contacts().find(a, "c-ann")).contains(inA);
        assertThat(contacts().find(b, "c-ann")).contains(inB);
        assertThat(contacts().findByPhone(b, "+4930123456")).isEmpty();
        assertThat(contacts().findByEmail(a, "bea@other.test")).isEmpty();
        assertThat(search(b, "acme", null)).isEmpty();
        assertThat(search(a, "bea@", null)).isEmpty();
        assertThat(search(a, null, "+4940999")).isEmpty();
        assertThat(search(b, null, null)).containsExactly(inB);

        Contact inBChanged = AcdFixtures.contact("c-ann", "Bea", "Other", List.of(), List.of());
        assertThat(update(b, inBChanged)).isTrue();
        assertThat(contacts().find(a, "c-ann")).contains(inA);
        assertThat(delete(b, "c-ann")).isTrue();
        assertThat(contacts().find(a, "c-ann")).contains(inA);
        assertThat(contacts().findByPhone(a, "+4930123456")).contains(inA);
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        Contact ann = insert(a, ann());

        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            contacts().insert(a, AcdFixtures.contact("c-new", "New", null, List.of("+5"), List.of("n@x.test")));
            contacts().update(a, AcdFixtures.contact("c-ann", "Changed", null, List.of("+6"), List.of()));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThatThrownBy(() -> fx.transactions().runInTenant(a, () -> {
            contacts().delete(a, "c-ann");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(contacts().find(a, "c-new")).isEmpty();
        assertThat(contacts().findByPhone(a, "+5")).isEmpty();
        assertThat(contacts().find(a, "c-ann")).contains(ann);
        assertThat(contacts().findByPhone(a, "+4930123456")).contains(ann);
    }
}
