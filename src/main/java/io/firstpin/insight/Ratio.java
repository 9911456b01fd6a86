package io.firstpin.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** KPI ratios as the API promises them: in [0, 1], rounded to 4 decimals, null where the whole is zero. */
public final class Ratio {

    private Ratio() {
    }

    public static Double of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
