package vn.dvk.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.adminunit.AdminUnits;
import vn.dvk.adminunit.UnitBoundaries;
import vn.dvk.shared.VietnameseText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the public may see of the registry, read with explicit SQL of public-safe columns only: an
 * initiative is public when it is listed ({@code public_listing}) and recognised in some year
 * (recognised, proposed for or granted a commendation). Never the responsible officer, the owning
 * organisation's people, evaluations, scores, drafts or unlisted initiatives.
 */
@Component
class PublicInitiatives {

    /** "from … where" of the public initiatives, through the views initiative and adminunit declare for the portal (V30). */
    static final String PUBLIC = " from public_listing l join public_initiative i on i.id = l.initiative_id"
            + " join unit_tree u on u.id = i.unit_id"
            + " where exists (select 1 from registration_fact r where r.initiative_id = i.id and r.recognised)";

    /** A public initiative as a card of the gallery. */
    record Card(long id, String slug, String name, String kind, String holder, String sectorCode, String sector, String unit,
                String province, boolean featured, Integer startYear, Long imageId, String lead) {
    }

    /** A public initiative's page. */
    record Page(Card card, String description, String method, String results, Long pilotId, List<Card> replicas,
                List<Image> images, Card pilot) {
    }

    record Image(long id, String caption) {
    }

    record Filter(String province, String commune, String sector, Integer year, String q) {

        Filter(String province, String sector, Integer year, String q) {
            this(province, null, sector, year, q);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AdminUnits units;
    private final UnitBoundaries boundaries;

    PublicInitiatives(NamedParameterJdbcTemplate jdbc, AdminUnits units, UnitBoundaries boundaries) {
        this.jdbc = jdbc;
        this.units = units;
        this.boundaries = boundaries;
    }

    private static final String CARD = "select i.id, l.slug, i.name, i.kind, i.holder, i.sector, i.sector_name_vi as sector_name,"
            + " i.sector_name_en, case when u.level = 'VILLAGE' then concat(concat(u.full_name, ', '),"
            + " (select pu.full_name from unit_tree pu where pu.id = u.parent_id)) else u.full_name end as unit_name, (select p.full_name from unit_tree p where p.id = i.province_id) as province_name,"
            + " i.featured, i.start_year, (select min(a.id) from initiative_image a where a.initiative_id = i.id) as image_id,"
            + " (select max(st.lead) from story st where st.initiative_id = i.id and st.state = 'PUBLISHED') as lead";

    private Card card(ResultSet rs) throws SQLException {
        return new Card(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind"), rs.getString("holder"),
                rs.getString("sector"), sectorLabel(rs), rs.getString("unit_name"), rs.getString("province_name"),
                rs.getBoolean("featured"), (Integer) rs.getObject("start_year", Integer.class),
                (Long) rs.getObject("image_id", Long.class), rs.getString("lead"));
    }

    /** The sector in the reader's language. */
    private static String sectorLabel(ResultSet rs) throws SQLException {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return rs.getString(english ? "sector_name_en" : "sector_name");
    }

    List<Card> gallery(Filter filter, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        StringBuilder sql = new StringBuilder(CARD + PUBLIC);
        if (filter.province() != null && !filter.province().isBlank()) {
            sql.append(" and i.province_id in (select p.id from unit_tree p where p.code = :province)");
            params.addValue("province", filter.province().strip());
        }
        if (filter.commune() != null && !filter.commune().isBlank()) {
            // the commune (any version with that code) or a village under it
            sql.append(" and (u.code = :commune or u.parent_id in (select c.id from unit_tree c where c.code = :commune))");
            params.addValue("commune", filter.commune().strip());
        }
        if (filter.sector() != null && !filter.sector().isBlank()) {
            sql.append(" and i.sector = :sector");
            params.addValue("sector", filter.sector());
        }
        if (filter.year() != null) {
            sql.append(" and exists (select 1 from registration_fact ry where ry.initiative_id = i.id and ry.reg_year = :year)");
            params.addValue("year", filter.year());
        }
        List<String> words = new ArrayList<>();
        for (String word : VietnameseText.fold(filter.q()).split(" ")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        for (int w = 0; w < words.size(); w++) {
            sql.append(" and i.search_key like :w").append(w);
            params.addValue("w" + w, "% " + words.get(w) + "%");
        }
        sql.append(" order by i.featured desc, i.sort_key, i.id limit :limit");
        return jdbc.query(sql.toString(), params, (rs, n) -> card(rs));
    }

    Optional<Page> bySlug(String slug) {
        List<Card> cards = jdbc.query(CARD + PUBLIC + " and l.slug = :slug", Map.of("slug", slug), (rs, n) -> card(rs));
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        Card card = cards.get(0);
        Map<String, Object> text = jdbc.queryForMap("select description, method, results, replicated_from_id from public_initiative where id = :id",
                Map.of("id", card.id()));
        List<Card> replicas = jdbc.query(CARD + PUBLIC + " and i.replicated_from_id = :id order by i.sort_key",
                Map.of("id", card.id()), (rs, n) -> card(rs));
        Long pilotId = text.get("replicated_from_id") == null ? null : ((Number) text.get("replicated_from_id")).longValue();
        Card pilot = pilotId == null ? null : jdbc.query(CARD + PUBLIC + " and i.id = :id", Map.of("id", pilotId), (rs, n) -> card(rs))
                .stream().findFirst().orElse(null);
        List<Image> images = jdbc.query("select id, caption from initiative_image where initiative_id = :id order by id", Map.of("id", card.id()), (rs, n) -> new Image(rs.getLong("id"), rs.getString("caption") != null
                && !rs.getString("caption").isBlank() ? rs.getString("caption") : card.name()));
        return Optional.of(new Page(card, (String) text.get("description"), (String) text.get("method"), (String) text.get("results"),
                pilotId, replicas, images, pilot));
    }

    /** True when the initiative is public (listed and recognised). */
    boolean isPublic(long initiativeId) {
        Long count = jdbc.queryForObject("select count(*)" + PUBLIC + " and i.id = :id", Map.of("id", initiativeId), Long.class);
        return count != null && count > 0;
    }

    /** True when the image belongs to a public initiative. */
    Optional<Long> initiativeOfPublicImage(long attachmentId) {
        return jdbc.queryForList("select a.initiative_id from initiative_image a where a.id = :id",
                Map.of("id", attachmentId), Long.class).stream().filter(this::isPublic).findFirst();
    }

    /** The slugs of every public initiative (for the sitemap). */
    List<String> slugs() {
        return jdbc.queryForList("select l.slug" + PUBLIC + " order by l.slug", Map.of(), String.class);
    }

    String slugOf(long initiativeId) {
        return jdbc.queryForList("select slug from public_listing where initiative_id = :id", Map.of("id", initiativeId), String.class)
                .stream().findFirst().orElse("");
    }

    record Province(String code, String name) {
    }

    /** The communes of a province that have public initiatives (directly or through a village). */
    List<Province> communes(String province) {
        if (province == null || province.isBlank()) {
            return List.of();
        }
        return jdbc.query("select distinct c.code, c.full_name, c.sort_key from unit_tree c where c.level = 'COMMUNE' and c.id in"
                        + " (select case when u.level = 'VILLAGE' then u.parent_id else u.id end" + PUBLIC
                        + " and i.province_id in (select p.id from unit_tree p where p.code = :province)) order by c.sort_key",
                Map.of("province", province.strip()), (rs, n) -> new Province(rs.getString(1), rs.getString(2)));
    }

    /** The provinces that have public initiatives (the gallery's filter). */
    List<Province> provinces() {
        return jdbc.query("select distinct p.code, p.full_name, p.sort_key from unit_tree p where p.id in (select i.province_id" + PUBLIC
                + ") order by p.sort_key", Map.of(), (rs, n) -> new Province(rs.getString(1), rs.getString(2)));
    }

    /** Key figures of the public home page: public initiatives, by kind, provinces reached, published stories. */
    Map<String, Object> figures() {
        return jdbc.queryForMap("select count(*) as initiatives, count(distinct i.province_id) as provinces,"
                + " sum(case when i.kind = 'EXEMPLAR' then 1 else 0 end) as exemplars,"
                + " (select count(*) from story where state = 'PUBLISHED') as stories" + PUBLIC, Map.of());
    }

    /** The centre of the unit's imported boundary (or of its nearest ancestor's), for the map pin; null without one. */
    double[] pin(long initiativeId) {
        List<Long> lineage = jdbc.queryForList("select unit_id from public_initiative where id = :id", Map.of("id", initiativeId),
                Long.class).stream().flatMap(unitId -> units.findById(unitId).stream()).flatMap(u -> u.lineageIds().stream()).toList();
        return boundaries.geometries(lineage).values().stream().min(Comparator.comparingInt(String::length))
                .map(PublicInitiatives::centre).orElse(null);
    }

    /** The mean of the coordinates of a GeoJSON geometry: inside any convex unit, near the middle of others. */
    static double[] centre(String geometry) {
        Matcher m = Pattern.compile("\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\]")
                .matcher(geometry);
        double lon = 0;
        double lat = 0;
        int n = 0;
        while (m.find()) {
            lon += Double.parseDouble(m.group(1));
            lat += Double.parseDouble(m.group(2));
            n++;
        }
        return n == 0 ? null : new double[] {lat / n, lon / n};
    }
}
