package vn.dvk.shared;

import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** The API's paged list: {"items": [...], "page": 0, "size": 50, "total": 1234}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements());
    }

    /** Clamps a requested page size to 1..500. */
    public static int size(Integer requested) {
        if (requested == null) {
            return 50;
        }
        return Math.max(1, Math.min(MAX_SIZE, requested));
    }
}
