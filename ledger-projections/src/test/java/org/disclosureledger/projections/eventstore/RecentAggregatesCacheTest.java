package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentAggregatesCacheTest {

    @Test
    void givenAFullCache_whenAnotherEntryIsPut_thenTheLeastRecentlyUsedOneExpires() {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((String) cache.get("a")).isEqualTo("A");

        cache.put("c", "C");

        assertThat(expired).containsExactly("b");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void entriesStayAcrossGarbageCollectionsUnlikeWeakReferences() {
        RecentAggregatesCache cache = new RecentAggregatesCache(4);
        cache.put("open-bulk", new Object());

        System.gc();

        assertThat(cache.containsKey("open-bulk")).isTrue();
    }

    @Test
    void putIfAbsentKeepsTheExistingEntryAndRemoveForgetsIt() {
        RecentAggregatesCache cache = new RecentAggregatesCache(4);

        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat((String) cache.get("a")).isEqualTo("first");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((Object) cache.get("a")).isNull();
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new RecentAggregatesCache(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
