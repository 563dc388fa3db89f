package dev.canopy.shared;

/**
 * What became of one record brought from another system: created, updated (it existed and moved on), unchanged (it
 * was brought before, or Canopy knew it already) or refused with the reason, which names the field at fault.
 */
public record Imported(Outcome outcome, String reason) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REFUSED
    }

    public static final Imported CREATED = new Imported(Outcome.CREATED, null);
    public static final Imported UNCHANGED = new Imported(Outcome.UNCHANGED, null);

    public static Imported updated(String what) {
        return new Imported(Outcome.UPDATED, what);
    }

    public static Imported unchanged(String why) {
        return new Imported(Outcome.UNCHANGED, why);
    }

    public static Imported refused(String reason) {
        return new Imported(Outcome.REFUSED, reason);
    }

    /** The refusal for an input exception: each field named with its problem. */
    public static Imported refused(InvalidInputException e) {
        return refused(String.join(
                "; ",
                e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
    }
}
