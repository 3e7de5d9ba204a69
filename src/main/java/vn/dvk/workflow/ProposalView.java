package vn.dvk.workflow;

import vn.dvk.initiative.Holder;
import vn.dvk.initiative.Kind;

import java.time.LocalDate;
import java.util.List;

/** A commendation proposal as its page, the API and its documents show it. */
public record ProposalView(Long id, Long unitId, String unitName, int year, String number, LocalDate proposedOn,
                           String proposingBody, String authority, String state, DecisionView decision,
                           List<Item> items, long version) {

    public record Item(Long initiativeId, String code, String name, Kind kind, Holder holder, String unitName,
                       String locality, String sectorLabel, Award award, String achievement, Boolean commended) {
    }

    public List<Item> collectives() {
        return items.stream().filter(i -> i.holder() == Holder.COLLECTIVE).toList();
    }

    public List<Item> individuals() {
        return items.stream().filter(i -> i.holder() == Holder.INDIVIDUAL).toList();
    }
}
