"use client";

// The line of the access-level chart (access-level-chart.tsx holds its frame and words).
import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/components/i18n/use-format";
import { ACCESS_LEVELS, accessLevelText } from "@/lib/domain/assessments";

const axis = { fontSize: 12, fill: "#334155" };

export function AccessLevelLine({ data, seriesName }: { data: { label: string; level: number | null }[]; seriesName: string }) {
  const f = useFormat();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={16} padding={{ left: 16, right: 16 }} />
        <YAxis domain={[0, 5]} ticks={[...ACCESS_LEVELS]} allowDecimals={false} width={28} tick={axis} />
        <Tooltip formatter={(value) => accessLevelText(Number(value), f.locale)} labelStyle={{ color: "#0f172a" }} />
        <Line
          type="stepAfter"
          dataKey="level"
          name={seriesName}
          stroke="#1e293b"
          strokeWidth={2}
          dot={{ r: 3, fill: "#1e293b" }}
          connectNulls={false}
          isAnimationActive={false}
        >
          <LabelList dataKey="level" position="top" offset={8} fontSize={11} fill="#0f172a" />
        </Line>
      </LineChart>
    </ResponsiveContainer>
  );
}
