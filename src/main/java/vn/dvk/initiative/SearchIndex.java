package vn.dvk.initiative;

import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The words of every initiative's search key held in memory as compressed bitmaps (RoaringBitmap),
 * so a search of common syllables ("to an ninh thon 1" matches ~12,000 of 500,000 initiatives) is
 * an intersection of a few bitmaps instead of a read of every matching row.
 *
 * <p>The bitmaps are numbered by <em>rank</em>: an initiative's place in Vietnamese order
 * ({@code sort_key, id}) when the index was built, so the first set bits of an intersection are
 * the first rows of the page and its cardinality is the total. The bitmaps of a build never change.
 * Writes (from this node or any other sharing the database) leave a row in {@code search_change};
 * before each search the node reads the rows after the last it has seen, and the initiatives named
 * there are <em>changed</em>: they leave the built bitmaps and their current rows are checked in SQL
 * (see {@link InitiativeSearch}). When many initiatives have changed, the index is built again in
 * the background. Until the first build is done the search does not use the index.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    /** Up to this many initiatives the first build happens before the application is ready. */
    static final int BUILD_BEFORE_READY = 50_000;
    /** More changed initiatives than this and the index is built again. */
    static final int CHANGED_LIMIT = 5_000;
    /**
     * The changes are read again from this far below the last one seen: a transaction that took a
     * change number before another may commit after it.
     */
    static final int REREAD = 100;
    private static final int PREFIX_CACHE = 2_000;

    private final JdbcTemplate jdbc;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dvk-search-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile State state;

    SearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The words of one build, numbered by rank, and what has changed since. Never changed once published. */
    private record State(Built built, RoaringBitmap changedIds, RoaringBitmap changedRanks, long seen) {
    }

    private record Built(NavigableMap<String, RoaringBitmap> words, Map<Long, RoaringBitmap> provinces, int[] idOfRank,
                         int[] rankOfId, Map<String, RoaringBitmap> prefixes) {

        int rankOf(long id) {
            return id < rankOfId.length ? rankOfId[(int) id] : -1;
        }

        /** The initiatives with a word that starts with the typed word. */
        RoaringBitmap starting(String prefix) {
            if (prefixes.size() > PREFIX_CACHE) {
                prefixes.clear();
            }
            return prefixes.computeIfAbsent(prefix, p -> {
                NavigableMap<String, RoaringBitmap> matching = words.subMap(p, true, p + Character.MAX_VALUE, false);
                return matching.isEmpty() ? new RoaringBitmap() : FastAggregation.or(matching.values().iterator());
            });
        }
    }

    /**
     * What the index found: the unchanged initiatives that match (by rank) and the changed ones, whose
     * current rows the caller must check itself.
     */
    record Matches(RoaringBitmap ranks, int[] idOfRank, RoaringBitmap changedIds) {

        long count() {
            return ranks.getLongCardinality();
        }

        /** The first {@code n} matching unchanged initiatives in Vietnamese order. */
        List<Long> first(int n) {
            List<Long> ids = new ArrayList<>(Math.min(n, ranks.getCardinality()));
            IntIterator it = ranks.getIntIterator();
            while (it.hasNext() && ids.size() < n) {
                ids.add((long) idOfRank[it.next()]);
            }
            return ids;
        }

        List<Long> changed() {
            List<Long> ids = new ArrayList<>(changedIds.getCardinality());
            changedIds.forEach((int id) -> ids.add((long) id));
            return ids;
        }
    }

    /**
     * The initiatives whose search key has a word starting with each typed word (folded), in a
     * province if one is given; empty when the index cannot answer (not built yet).
     */
    Optional<Matches> match(List<String> words, Long province) {
        State current = catchUp();
        if (current == null || words.isEmpty()) {
            return Optional.empty();
        }
        Built built = current.built();
        List<RoaringBitmap> sets = new ArrayList<>();
        for (String word : words) {
            sets.add(built.starting(word));
        }
        if (province != null) {
            sets.add(built.provinces().getOrDefault(province, new RoaringBitmap()));
        }
        sets.sort(Comparator.comparingInt(RoaringBitmap::getCardinality));
        RoaringBitmap result = sets.get(0).clone();
        for (int i = 1; i < sets.size() && !result.isEmpty(); i++) {
            result.and(sets.get(i));
        }
        result.andNot(current.changedRanks());
        return Optional.of(new Matches(result, built.idOfRank(), current.changedIds()));
    }

    /** Records that an initiative's search key changed (or that it was deleted), in the caller's transaction. */
    void changed(long initiativeId) {
        jdbc.update("insert into search_change (initiative_id) values (?)", initiativeId);
    }

    /** Forget the built index and build it again (after a bulk load, or when a search found it wrong). */
    void rebuild() {
        state = null;
        buildInBackground();
    }

    boolean ready() {
        return state != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Long count = jdbc.queryForObject("select count(*) from initiative", Long.class);
        if (count != null && count <= BUILD_BEFORE_READY) {
            build();
        } else {
            buildInBackground();
        }
    }

    private void buildInBackground() {
        if (building.compareAndSet(false, true)) {
            builder.execute(() -> {
                try {
                    build();
                } catch (RuntimeException e) {
                    log.warn("Search index not built; searches read the database instead", e);
                } finally {
                    building.set(false);
                }
            });
        }
    }

    /** Reads the changes written since the last search, and starts a new build when there are many. */
    private synchronized State catchUp() {
        State current = state;
        if (current == null) {
            return null;
        }
        List<long[]> changes = jdbc.query("select seq, initiative_id from search_change where seq > ? order by seq",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, current.seen() - REREAD);
        RoaringBitmap ids = null;
        long seen = current.seen();
        for (long[] change : changes) {
            seen = Math.max(seen, change[0]);
            if (change[1] > Integer.MAX_VALUE || current.changedIds().contains((int) change[1])) {
                continue;
            }
            if (ids == null) {
                ids = current.changedIds().clone();
            }
            ids.add((int) change[1]);
        }
        if (ids == null && seen == current.seen()) {
            return current;
        }
        RoaringBitmap changedIds = ids == null ? current.changedIds() : ids;
        RoaringBitmap changedRanks = current.changedRanks();
        if (ids != null) {
            changedRanks = changedRanks.clone();
            for (int id : changedIds) {
                int rank = current.built().rankOf(id);
                if (rank >= 0) {
                    changedRanks.add(rank);
                }
            }
        }
        State next = new State(current.built(), changedIds, changedRanks, seen);
        state = next;
        if (changedIds.getCardinality() > CHANGED_LIMIT) {
            buildInBackground();
        }
        return next;
    }

    /**
     * Reads every initiative twice: its rank from the sort index, then its words and province. What
     * changes during the build has a change number after {@code seen} and is checked in SQL.
     */
    private void build() {
        long started = System.nanoTime();
        Long lastChange = jdbc.queryForObject("select coalesce(max(seq), 0) from search_change", Long.class);
        Long maxId = jdbc.queryForObject("select coalesce(max(id), 0) from initiative", Long.class);
        if (maxId == null || maxId >= Integer.MAX_VALUE) {
            log.warn("Search index not built: initiative ids beyond {}", Integer.MAX_VALUE);
            return;
        }
        int[] rankOfId = new int[(int) (long) maxId + 1];
        Arrays.fill(rankOfId, -1);
        int[][] order = {new int[1024]};
        int[] ranked = {0};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select id from initiative order by sort_key, id");
            statement.setFetchSize(10_000);
            return statement;
        }, rs -> {
            long id = rs.getLong(1);
            if (id < rankOfId.length) {
                if (ranked[0] == order[0].length) {
                    order[0] = Arrays.copyOf(order[0], order[0].length * 2);
                }
                rankOfId[(int) id] = ranked[0];
                order[0][ranked[0]++] = (int) id;
            }
        });
        Map<String, RoaringBitmap> words = new HashMap<>();
        Map<Long, RoaringBitmap> provinces = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select id, province_id, search_key from initiative");
            statement.setFetchSize(10_000);
            return statement;
        }, rs -> {
            long id = rs.getLong(1);
            int rank = id < rankOfId.length ? rankOfId[(int) id] : -1;
            if (rank < 0) {
                return;
            }
            provinces.computeIfAbsent(rs.getLong(2), p -> new RoaringBitmap()).add(rank);
            String key = rs.getString(3);
            for (String word : InitiativeWords.words(key == null ? "" : key)) {
                words.computeIfAbsent(word, w -> new RoaringBitmap()).add(rank);
            }
        });
        words.values().forEach(RoaringBitmap::runOptimize);
        provinces.values().forEach(RoaringBitmap::runOptimize);
        Built built = new Built(new TreeMap<>(words), provinces, Arrays.copyOf(order[0], ranked[0]), rankOfId,
                new ConcurrentHashMap<>());
        synchronized (this) {
            state = new State(built, new RoaringBitmap(), new RoaringBitmap(), lastChange == null ? 0 : lastChange);
        }
        long bytes = 4L * (rankOfId.length + ranked[0]);
        for (RoaringBitmap bitmap : words.values()) {
            bytes += bitmap.getLongSizeInBytes();
        }
        log.info("Search index built: {} initiatives, {} words, about {} MB of bitmaps and ranks, in {} ms", ranked[0],
                words.size(), bytes / 1_000_000, (System.nanoTime() - started) / 1_000_000);
    }
}
