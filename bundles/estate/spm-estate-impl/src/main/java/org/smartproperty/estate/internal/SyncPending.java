package org.smartproperty.estate.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What the pipelined sync (issue 19 item 4) has decided for pages the writer has not committed
 * yet: estates, buildings (with their units), houses (with their owners) and owners as those pages
 * leave them. The preparing thread reads what is committed on its own connection and lays this over
 * it, so page N+1 is decided as if pages up to N were stored. An entry is dropped once the page
 * that last wrote it is committed before the next page's reads begin (READ COMMITTED: those reads
 * then see it). Used by the preparing thread only.
 */
final class SyncPending {

    /** values by key, each with the sequence number of the page that last wrote it */
    static final class Layer<T> {
        private final Map<String, T> values = new HashMap<>();
        private final Map<String, Long> pages = new HashMap<>();

        T get(String key) {
            return values.get(key);
        }

        void put(String key, T value, long page) {
            values.put(key, value);
            pages.put(key, page);
        }

        Iterable<Map.Entry<String, T>> entries() {
            return values.entrySet();
        }

        int size() {
            return values.size();
        }

        void prune(long committed) {
            for (Iterator<Map.Entry<String, Long>> it = pages.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Long> e = it.next();
                if (e.getValue() <= committed) {
                    values.remove(e.getKey());
                    it.remove();
                }
            }
        }
    }

    /** the page being prepared */
    long page;
    /** project code → {id, name, address, community, admin code, longitude, latitude, developer} */
    final Layer<Object[]> estates = new Layer<>();
    /** estate id + '/' + number → building with its units */
    final Layer<SyncEstates.BuildingRow> buildings = new Layer<>();
    /** unit code → house with its owners' signatures */
    final Layer<SyncHouses.HouseRow> houses = new Layer<>();
    /** id type + ':' + number → {id, name, phone} */
    final Layer<Object[]> owners = new Layer<>();

    /** Forgets what pages up to {@code committed} wrote: call before the reads of the next page. */
    void prune(long committed) {
        estates.prune(committed);
        buildings.prune(committed);
        houses.prune(committed);
        owners.prune(committed);
    }
}
