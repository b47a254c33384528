package io.cxkit.benchmarks;

import io.cxkit.survey.ResponseColumns;
import io.cxkit.survey.ScoredResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic survey responses: 50 touchpoints, 8 channels, times uniform over 2024–2025 (UTC)
 * in random order, NPS 0–10 (5% missing), CSAT 1–5 (30% missing), CES 1–7 (50% missing), weights
 * in [0.2, 5] with three decimals. The same seed and size always give the same rows.
 */
public final class SurveyData {
    /** The seed every benchmark uses. */
    public static final long SEED = 20260601L;
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    static final long SPAN = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() - T0;

    final int size;
    final String[] touchpointNames = new String[50];
    final String[] channelNames = new String[8];
    final int[] customer;
    final int[] touchpoint;
    final int[] channel;
    final long[] time;
    final int[] nps;
    final int[] csat;
    final int[] ces;
    final double[] weight;

    /**
     * Generates {@code size} rows from {@code seed}.
     *
     * @param size number of responses
     * @param seed the random seed
     */
    public SurveyData(int size, long seed) {
        this.size = size;
        for (int i = 0; i < touchpointNames.length; i++) {
            touchpointNames[i] = "tp" + (i < 10 ? "0" : "") + i;
        }
        String[] ch = {"web", "app", "email", "phone", "chat", "store", "sms", "social"};
        System.arraycopy(ch, 0, channelNames, 0, ch.length);
        customer = new int[size];
        touchpoint = new int[size];
        channel = new int[size];
        time = new long[size];
        nps = new int[size];
        csat = new int[size];
        ces = new int[size];
        weight = new double[size];
        SplittableRandom r = new SplittableRandom(seed);
        int[] npsMix = {3, 2, 3, 4, 4, 6, 8, 14, 18, 20, 18}; // percent per score 0..10
        for (int i = 0; i < size; i++) {
            customer[i] = r.nextInt(2_000_000);
            touchpoint[i] = r.nextInt(50);
            channel[i] = r.nextInt(8);
            time[i] = T0 + r.nextLong(SPAN);
            nps[i] = r.nextInt(100) < 5 ? ResponseColumns.MISSING : pick(r.nextInt(100), npsMix);
            csat[i] = r.nextInt(100) < 30 ? ResponseColumns.MISSING : 1 + Math.min(4, r.nextInt(6));
            ces[i] = r.nextInt(2) == 0 ? ResponseColumns.MISSING : 1 + r.nextInt(7);
            weight[i] = (200 + r.nextInt(4801)) / 1000.0;
        }
    }

    private static int pick(int u, int[] mix) {
        int acc = 0;
        for (int s = 0; s < mix.length; s++) {
            acc += mix[s];
            if (u < acc) {
                return s;
            }
        }
        return mix.length - 1;
    }

    /**
     * The rows as columns, appended through the public builder.
     *
     * @param weighted whether to include the weights
     * @return the columns
     */
    public ResponseColumns columns(boolean weighted) {
        ResponseColumns.Builder b = ResponseColumns.builder(io.cxkit.survey.RatingScale.csat5(),
                io.cxkit.survey.RatingScale.ces7(), size);
        int[] tp = new int[touchpointNames.length];
        for (int i = 0; i < tp.length; i++) {
            tp[i] = b.touchpointId(touchpointNames[i]);
        }
        int[] chIds = new int[channelNames.length];
        for (int i = 0; i < chIds.length; i++) {
            chIds[i] = b.channelId(channelNames[i]);
        }
        for (int i = 0; i < size; i++) {
            b.touchpoint(tp[touchpoint[i]]).channel(chIds[channel[i]]).time(time[i]).nps(nps[i]).csat(csat[i])
                    .ces(ces[i]);
            if (weighted) {
                b.weight(weight[i]);
            }
            b.endRow();
        }
        return b.build();
    }

    /**
     * The rows as records (unweighted), sharing the name strings.
     *
     * @return the records
     */
    public List<ScoredResponse> records() {
        List<ScoredResponse> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new ScoredResponse(touchpointNames[touchpoint[i]], channelNames[channel[i]], time[i], nps[i],
                    csat[i], ces[i], Double.NaN));
        }
        return out;
    }

    /**
     * Writes the rows as CSV: {@code customer,time,touchpoint,channel,nps,csat,ces,weight} with the
     * time in epoch milliseconds and empty fields for missing answers.
     *
     * @param file where to write
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder sb = new StringBuilder(128);
            out.write("customer,time,touchpoint,channel,nps,csat,ces,weight\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < size; i++) {
                sb.setLength(0);
                sb.append('C').append(customer[i]).append(',').append(time[i]).append(',')
                        .append(touchpointNames[touchpoint[i]]).append(',').append(channelNames[channel[i]]).append(',');
                answer(sb, nps[i]).append(',');
                answer(sb, csat[i]).append(',');
                answer(sb, ces[i]).append(',');
                long milli = Math.round(weight[i] * 1000);
                sb.append(milli / 1000).append('.');
                long frac = milli % 1000;
                sb.append(frac < 100 ? (frac < 10 ? "00" : "0") : "").append(frac).append('\n');
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static StringBuilder answer(StringBuilder sb, int v) {
        return v == ResponseColumns.MISSING ? sb : sb.append(v);
    }
}
