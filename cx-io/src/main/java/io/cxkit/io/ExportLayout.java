package io.cxkit.io;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of a survey or help-desk tool's export: how many header rows it has, which column is
 * which, which rows are real responses. {@link SurveyReader} detects the layout from the header
 * (see {@link #detect(List)}) unless one is given.
 */
public enum ExportLayout {
    /** One header row of column names; every data row is a response. */
    PLAIN,
    /**
     * Qualtrics "Download data" CSV: row 1 the column IDs ({@code Q1}, {@code RecordedDate}), row 2
     * the question text, row 3 (newer exports) the ImportId JSON, e.g.
     * {@code {"ImportId":"recordedDate","timeZone":"America/Denver"}}. Columns are named by ID or
     * by question text; the time column's {@code timeZone} is the zone its times are written in.
     * Only responses with {@code Finished} = 1 (or True) and a normal {@code Status}
     * ({@code IP Address}/0, or {@code Offline}/16) are counted; previews, tests, spam, imported
     * and unfinished responses are excluded and reported by rule. {@code *_NPS_GROUP} columns
     * (Qualtrics' own detractor/passive/promoter coding) are never used as scores.
     */
    QUALTRICS,
    /**
     * SurveyMonkey CSV: row 1 the questions (a question with several answer columns names only the
     * first; the others are empty), row 2 {@code Response}, {@code Open-Ended Response} or the
     * option of each column. A column is named by its question, or {@code question - option} when
     * the question has several columns.
     */
    SURVEYMONKEY,
    /** Delighted CSV: {@code Score} is the 0–10 answer of an NPS survey, {@code Created At} its time. */
    DELIGHTED,
    /**
     * Zendesk ticket export: {@code Satisfaction Score} is a binary CSAT (Good = satisfied, Bad = not;
     * {@code Offered}/{@code Unoffered} are not answers) on the scale 0–1 unless a CSAT scale is
     * given; {@code Created at} is the time.
     */
    ZENDESK;

    /**
     * The layout's name as written on the command line ({@code qualtrics}).
     *
     * @return the lower-case name
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The layout a header (row 1, as read) looks like: Qualtrics if it has {@code ResponseId} (or
     * {@code ResponseID}) and {@code Finished}; SurveyMonkey if it has {@code Respondent ID} and
     * {@code Collector ID}; Zendesk if it has {@code Satisfaction Score} and one of {@code Via},
     * {@code Requester}, {@code Reopens}, {@code First reply time in minutes}; Delighted if it has
     * {@code Score} and {@code Created At} and one of {@code Response ID}, {@code Person ID},
     * {@code Permalink}, {@code Email}; otherwise plain.
     *
     * @param header the column names of the first row
     * @return the layout
     */
    public static ExportLayout detect(List<String> header) {
        Set<String> n = new java.util.HashSet<>();
        for (String h : header) {
            n.add(ColumnMapping.normalize(h));
        }
        if (n.contains("responseid") && n.contains("finished")) {
            return QUALTRICS;
        }
        if (n.contains("respondentid") && n.contains("collectorid")) {
            return SURVEYMONKEY;
        }
        if (n.contains("satisfactionscore") && (n.contains("via") || n.contains("requester") || n.contains("reopens")
                || n.contains("firstreplytimeinminutes"))) {
            return ZENDESK;
        }
        if (n.contains("score") && n.contains("createdat") && (n.contains("responseid") || n.contains("personid")
                || n.contains("permalink") || n.contains("email"))) {
            return DELIGHTED;
        }
        return PLAIN;
    }

    /**
     * The layout of a name as written on the command line.
     *
     * @param key {@code plain}, {@code qualtrics}, {@code surveymonkey}, {@code delighted} or {@code zendesk}
     * @return the layout
     * @throws IllegalArgumentException for another name
     */
    public static ExportLayout of(String key) {
        for (ExportLayout l : values()) {
            if (l.key().equalsIgnoreCase(key.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("layout must be one of plain, qualtrics, surveymonkey, delighted,"
                + " zendesk: '" + key + "'");
    }
}
