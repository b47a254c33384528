/**
 * Support service metrics from ticket events ({@link io.cxkit.journey.service.TicketEvent}s, turned
 * into per-ticket {@link io.cxkit.journey.service.TicketFacts} by
 * {@link io.cxkit.journey.service.ServiceMetrics} and aggregated by
 * {@link io.cxkit.journey.service.ServiceMetricsAccumulator}) and from ticket-export rows
 * ({@link io.cxkit.journey.service.TicketRecord}s, aggregated by
 * {@link io.cxkit.journey.service.TicketRecordAccumulator}), with durations in elapsed time or in
 * the business time of a {@link io.cxkit.journey.service.BusinessCalendar}.
 *
 * <p><b>Unit and times.</b> The unit is the ticket. A ticket's events are sorted by time, ties
 * keeping input order; none may be earlier than its single {@code CREATED} event. Durations are
 * measured in whole milliseconds and reported in seconds as {@link io.cxkit.core.QuantileSketch}
 * summaries (a quantile {@code q} is within 1% of the order statistic {@code x₍⌊q·(n−1)⌋₎},
 * 0-based: the median of 4 waits is the 2nd smallest). Rates are proportions with Wilson intervals. The definitions of first
 * response, resolution, FCR and SLA are on {@link io.cxkit.journey.service.ServiceMetrics} and
 * {@link io.cxkit.journey.service.TicketRecordAccumulator}; the rules below are the ones that are
 * easy to read two ways.
 *
 * <p><b>Repeat contact.</b> Per customer, tickets are ordered by creation time, then ticket id. A
 * ticket is a repeat contact when the customer's <em>next</em> ticket in that order is created no
 * later than {@code end + repeatWindow}, where {@code end} is the ticket's final solve, or its
 * creation if its last state is not solved:
 * <ul>
 *   <li>the boundary is included: a ticket created exactly {@code repeatWindow} after the solve
 *       makes the earlier one a repeat contact;
 *   <li>overlapping tickets count: a ticket opened while the earlier one is still open (created
 *       before its solve) makes the earlier one a repeat contact;
 *   <li>tickets created at the same instant are ordered by ticket id: the one with the smaller id is
 *       the repeat contact, the later one only if yet another ticket follows it;
 *   <li>a ticket reopened and not solved again has no solve, so its window runs from its creation;
 *   <li>the window is always elapsed time ({@code Instant + Duration}), also with a business
 *       calendar: a 7-day window is 7 × 24 hours, weekends and holidays included;
 *   <li>the flag belongs to the earlier ticket; a customer's last ticket in the data is never a
 *       repeat contact (nothing later is known).
 * </ul>
 * First-contact resolution is then: solved at the end, never reopened, and not a repeat contact.
 *
 * <p><b>Requester wait.</b> A wait opens at creation, and at a customer reply or a reopen when no
 * wait is open (after a counted agent reply or a solve); it closes at the next counted agent reply
 * or solve, and its length is added to the ticket's wait. A wait still open at the end of the data
 * is not added (its length is unknown): a ticket with no counted reply and no solve has a requester
 * wait of 0, and every ticket, solved or not, contributes its closed waits to the requester-wait
 * summary.
 *
 * <p><b>Business calendars.</b> One working interval per weekday, holidays, a zone, and schedules
 * in force from a date. {@code from(date)} starts a new schedule as a <em>copy</em> of the one
 * before it: weekdays not set again after {@code from} keep their previous hours (set them with
 * {@code closed(day)} to close them); holidays apply to every schedule. A calendar file's
 * {@code from = DATE} line works the same way, the lines below it changing the new schedule only.
 *
 * <p>The two accumulators count different inputs (ticket events, ticket-export rows) into
 * different metrics; their {@code combine} and {@code encode} methods look alike because both add
 * counts and merge sketches, not because one copies the other.
 */
package io.cxkit.journey.service;
