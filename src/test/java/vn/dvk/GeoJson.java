package vn.dvk;

/** Small GeoJSON made up for tests: squares around a point, one per unit code. */
public final class GeoJson {

    private GeoJson() {
    }

    /** A 0.1° square at (x, y) as a Feature whose "ma_xa" property is the code. */
    public static String square(String code, double x, double y) {
        return ("{\"type\": \"Feature\", \"properties\": {\"ma_xa\": \"%s\"}, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}}").formatted(code, x, y, x + 0.1, y,
                x + 0.1, y + 0.1, x, y + 0.1, x, y);
    }
}
