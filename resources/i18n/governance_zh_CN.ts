<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarView</name>
    <message>
        <source>Infusion date (day 0):</source>
        <translation>回输日期（第0天）：</translation>
    </message>
    <message>
        <source>Leukapheresis date:</source>
        <translation>白细胞单采日期：</translation>
    </message>
    <message>
        <source>Calendar dates follow the rules of:</source>
        <translation>日历日期依据以下地区的规定：</translation>
    </message>
    <message>
        <source>CAR-T product:</source>
        <translation>CAR-T产品：</translation>
    </message>
    <message>
        <source>known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>Leukapheresis date known</source>
        <translation>白细胞单采日期已知</translation>
    </message>
    <message>
        <source>Month calendar</source>
        <translation>月历</translation>
    </message>
    <message>
        <source>Dates and events</source>
        <translation>日期与事件</translation>
    </message>
    <message>
        <source>Notes on the rules</source>
        <translation>规定说明</translation>
    </message>
    <message>
        <source>Print calendar…</source>
        <translation>打印日历…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Whose rule</source>
        <translation>规定出自</translation>
    </message>
    <message>
        <source>This knowledge base has no dated rules, so no calendar can be computed.</source>
        <translation>此知识库没有带日期的规定，无法计算日历。</translation>
    </message>
    <message>
        <source>Computed from the rules in force on the infusion date. Nothing you enter here is saved.</source>
        <translation>根据回输日适用的规定计算。此处输入的内容不会被保存。</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>自{0}起</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare two other content files…</source>
        <translation>比较另外两个内容文件…</translation>
    </message>
    <message>
        <source>Earlier content file:</source>
        <translation>较早的内容文件：</translation>
    </message>
    <message>
        <source>Later content file:</source>
        <translation>较新的内容文件：</translation>
    </message>
    <message>
        <source>Notes of the last content update</source>
        <translation>最近一次内容更新的说明</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>旧</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Choose a knowledge base file</source>
        <translation>选择知识库文件</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Trial results</source>
        <translation>试验结果</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规定</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>values changed</source>
        <translation>数值变更</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>No update notes are stored for the content in use.</source>
        <translation>当前使用的内容没有保存更新说明。</translation>
    </message>
    <message>
        <source>Nothing to compare yet: the earlier content is kept only after a content update has been applied.</source>
        <translation>暂无可比较的内容：只有在应用内容更新之后，才会保留较早的内容。</translation>
    </message>
    <message>
        <source>Corrections since the earlier content, with the reason (%1)</source>
        <translation>自较早内容以来的更正及原因（%1）</translation>
    </message>
    <message>
        <source>Corrections recorded in this knowledge base, with the reason (%1)</source>
        <translation>本知识库记录的更正及原因（%1）</translation>
    </message>
    <message>
        <source>Changes between the two versions of the content</source>
        <translation>两个内容版本之间的变更</translation>
    </message>
    <message>
        <source>From version %1 (%2) to version %3 (%4).</source>
        <translation>从版本 %1（%2）到版本 %3（%4）。</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>Version information</source>
        <translation>版本信息</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Kept feedback</source>
        <translation>已保存的反馈</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Page or search</source>
        <translation>页面或搜索</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Export to file…</source>
        <translation>导出到文件…</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Search found nothing</source>
        <translation>搜索无结果</translation>
    </message>
    <message>
        <source>Problem with a page</source>
        <translation>页面问题</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) kept on this computer. Nothing is sent anywhere; export them to a file to pass them on.</source>
        <translation>
            <numerusform>本机保存了 %n 条。不会发送到任何地方；如需转交，请导出到文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export feedback</source>
        <translation>导出反馈</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) written to the file.</source>
        <translation>
            <numerusform>已写入文件 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget all kept feedback on this computer?</source>
        <translation>清除本机保存的所有反馈吗？</translation>
    </message>
    <message>
        <source>Not cleared: {0}</source>
        <translation>未清除：{0}</translation>
    </message>
</context>
<context>
    <name>ReportProblemDialog</name>
    <message>
        <source>Report a problem with this page</source>
        <translation>报告此页面的问题</translation>
    </message>
    <message>
        <source>Page: %1 · Knowledge base %2</source>
        <translation>页面：%1 · 知识库 %2</translation>
    </message>
    <message>
        <source>Your note is kept on this computer only. Use “Export feedback…” to copy all notes to a file for the content team.</source>
        <translation>您的备注只保存在本机。使用“导出反馈…”可将所有备注复制到文件，交给内容团队。</translation>
    </message>
    <message>
        <source>What is wrong or missing on this page?</source>
        <translation>此页面有什么错误或缺失？</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Regulatory events</source>
        <translation>监管事件</translation>
    </message>
    <message>
        <source>Rules in force</source>
        <translation>现行规定</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>管辖</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规定</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>适用期间</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Regulator&apos;s opinion</source>
        <translation>监管机构意见</translation>
    </message>
    <message>
        <source>Indication change</source>
        <translation>适应证变更</translation>
    </message>
    <message>
        <source>Label change</source>
        <translation>说明书变更</translation>
    </message>
    <message>
        <source>Safety programme</source>
        <translation>安全计划</translation>
    </message>
    <message>
        <source>Safety communication</source>
        <translation>安全通讯</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>认定</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>照护者</translation>
    </message>
    <message>
        <source>Centre certification</source>
        <translation>治疗中心资质认证</translation>
    </message>
    <message>
        <source>Driving</source>
        <translation>驾驶</translation>
    </message>
    <message>
        <source>Long-term monitoring</source>
        <translation>长期随访监测</translation>
    </message>
    <message>
        <source>Lymphodepletion</source>
        <translation>清淋化疗</translation>
    </message>
    <message>
        <source>Daily monitoring</source>
        <translation>每日监测</translation>
    </message>
    <message>
        <source>Monitoring period</source>
        <translation>监测期</translation>
    </message>
    <message>
        <source>Staying near the centre</source>
        <translation>留在治疗中心附近</translation>
    </message>
    <message>
        <source>Wallet card</source>
        <translation>随身卡</translation>
    </message>
    <message>
        <source>No products in this knowledge base.</source>
        <translation>此知识库中没有产品。</translation>
    </message>
    <message>
        <source>No dated regulatory events for this product in the knowledge base.</source>
        <translation>知识库中没有该产品带日期的监管事件。</translation>
    </message>
</context>
</TS>
