package org.waypoint.risk.risk.domain;

import java.time.LocalDate;

/**
 * When a risk is reviewed: how often, when it last was, when it next is, and which next-review
 * date has already been announced as falling due and as overdue (each is announced once per date).
 */
public record ReviewCycle(ReviewFrequency frequency, LocalDate lastReviewedOn, LocalDate nextReviewDue,
                          LocalDate dueAnnouncedFor, LocalDate overdueAnnouncedFor) {

    /** A new risk's cycle: quarterly unless told, the first review one period from {@code today} unless given. */
    public static ReviewCycle starting(ReviewFrequency frequency, LocalDate nextReviewDue, LocalDate today) {
        ReviewFrequency used = frequency == null ? ReviewFrequency.QUARTERLY : frequency;
        return new ReviewCycle(used, null, nextReviewDue == null ? used.nextAfter(today) : nextReviewDue, null, null);
    }

    /** Reviewed {@code today}; the next review on {@code nextReview}, else one period from today. */
    public ReviewCycle reviewedOn(LocalDate today, LocalDate nextReview) {
        return new ReviewCycle(frequency, today, nextReview == null ? frequency.nextAfter(today) : nextReview,
                dueAnnouncedFor, overdueAnnouncedFor);
    }

    public ReviewCycle rescheduled(ReviewFrequency newFrequency, LocalDate newNextReviewDue) {
        return new ReviewCycle(newFrequency, lastReviewedOn, newNextReviewDue, dueAnnouncedFor, overdueAnnouncedFor);
    }

    public boolean isOverdueOn(LocalDate today) {
        return nextReviewDue != null && today.isAfter(nextReviewDue);
    }

    /** The review is overdue on {@code today} and that has not been announced for this review date. */
    public boolean overdueUnannouncedOn(LocalDate today) {
        return isOverdueOn(today) && !nextReviewDue.equals(overdueAnnouncedFor);
    }

    /** The review falls due within {@code noticeDays} of {@code today} (not yet overdue), not yet announced for this date. */
    public boolean dueUnannouncedOn(LocalDate today, int noticeDays) {
        return nextReviewDue != null && !isOverdueOn(today) && !today.plusDays(noticeDays).isBefore(nextReviewDue)
                && !nextReviewDue.equals(dueAnnouncedFor);
    }

    public ReviewCycle announcedDue() {
        return new ReviewCycle(frequency, lastReviewedOn, nextReviewDue, nextReviewDue, overdueAnnouncedFor);
    }

    public ReviewCycle announcedOverdue() {
        return new ReviewCycle(frequency, lastReviewedOn, nextReviewDue, dueAnnouncedFor, nextReviewDue);
    }
}
