package io.callisto.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {
    @Test
    void fewerItemsThanTheLimitMakeTheLastPage() {
        Page<String> page = Page.ofFetched(List.of("a", "b"), 3, s -> "cursor-" + s);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isNull();
    }

    @Test
    void exactlyLimitItemsMakeTheLastPage() {
        Page<String> page = Page.ofFetched(List.of("a", "b", "c"), 3, s -> "cursor-" + s);
        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.next()).isNull();
    }

    @Test
    void theExtraItemIsDroppedAndTheCursorIsTheLastKeptItem() {
        Page<String> page = Page.ofFetched(List.of("a", "b", "c", "d"), 3, s -> "cursor-" + s);
        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.next()).isEqualTo("cursor-c");
    }

    @Test
    void noItemsMakeAnEmptyLastPage() {
        Page<String> page = Page.ofFetched(List.of(), 1, s -> s);
        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void itemsAreAnImmutableCopy() {
        List<String> fetched = new ArrayList<>(List.of("a", "b", "c"));
        Page<String> page = Page.ofFetched(fetched, 2, s -> s);
        fetched.set(0, "changed");
        assertThat(page.items()).containsExactly("a", "b");
        assertThatThrownBy(() -> page.items().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapKeepsTheCursor() {
        Page<Integer> page = Page.ofFetched(List.of("a", "bb", "ccc"), 2, s -> s).map(String::length);
        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).isEqualTo("bb");
    }

    @Test
    void pageRequestBoundsTheLimit() {
        assertThat(PageRequest.first(1).limit()).isEqualTo(1);
        assertThat(PageRequest.first(PageRequest.MAX_LIMIT).after()).isNull();
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(PageRequest.MAX_LIMIT + 1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
