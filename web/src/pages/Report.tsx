// The printable screening report of one record, shown in a frame; "Print" gives the browser's print
// dialog, where "Save as PDF" makes the file for the examiner.
import { useEffect, useRef, useState } from 'react';
import { ApiFailure, getText } from '../api';
import { Loading, Problem } from '../components/common';
import { useTitle } from '../hooks';
import { Link } from '../router';

export function ReportPage({ record }: { record: string }) {
  useTitle(`Report ${record}`);
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<ApiFailure>();
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    let live = true;
    getText(`/v1/reports/${encodeURIComponent(record)}`).then(
      (h) => live && setHtml(h),
      (e: ApiFailure) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [record]);
  // size the frame to its document so the page scrolls as one
  const fit = () => {
    const doc = frame.current?.contentDocument;
    if (doc && frame.current) frame.current.style.height = `${doc.documentElement.scrollHeight + 20}px`;
  };
  return (
    <section aria-labelledby="report-title">
      <p className="crumbs">
        <Link to="/portfolio">← Portfolio</Link>
      </p>
      <div className="pagehead row">
        <h1 id="report-title">Screening report: {record}</h1>
        <button type="button" className="primary" disabled={!html} onClick={() => frame.current?.contentWindow?.print()}>
          Print or save as PDF
        </button>
      </div>
      <Problem error={error} />
      {!html && !error && <Loading what="the report" />}
      {html && <iframe ref={frame} className="report" title={`Screening report for ${record}`} srcDoc={html} sandbox="allow-same-origin allow-modals" onLoad={fit} />}
    </section>
  );
}
