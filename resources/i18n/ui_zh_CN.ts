<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Bookmarks and notes cannot be saved this time ({0}); they are kept until you close the program.</source>
        <translation>本次无法保存收藏和笔记（{0}）；它们会保留到您关闭程序为止。</translation>
    </message>
    <message>
        <source>No knowledge base</source>
        <translation>没有知识库</translation>
    </message>
    <message>
        <source>The program cannot start without its knowledge base: {0}</source>
        <translation>没有知识库，程序无法启动：{0}</translation>
    </message>
</context>
<context>
    <name>BookmarksView</name>
    <message>
        <source>Therapy</source>
        <translation>疗法</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Trial result</source>
        <translation>试验结果</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>我的笔记</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <source>Remove the selected bookmark</source>
        <translation>删除所选收藏</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清除历史记录</translation>
    </message>
    <message>
        <source>Clear the reading history</source>
        <translation>清除阅读历史记录</translation>
    </message>
    <message>
        <source>Bookmarked pages</source>
        <translation>已收藏的页面</translation>
    </message>
    <message>
        <source>Pages with your notes</source>
        <translation>有您笔记的页面</translation>
    </message>
    <message>
        <source>Recently read pages</source>
        <translation>最近阅读的页面</translation>
    </message>
    <message>
        <source>Bookmarks, notes and history</source>
        <translation>收藏、笔记和历史记录</translation>
    </message>
    <message>
        <source>No bookmarks yet. To add one, open a page and press ☆ above it, or Ctrl+D.</source>
        <translation>还没有收藏。要添加收藏，请打开一个页面，点击页面上方的 ☆，或按 Ctrl+D。</translation>
    </message>
    <message>
        <source>No notes yet. To write one, open a page and press Note above it.</source>
        <translation>还没有笔记。要写笔记，请打开一个页面，点击页面上方的“笔记”。</translation>
    </message>
    <message>
        <source>Your bookmarks and notes cannot be shown now: {0}</source>
        <translation>现在无法显示您的书签和笔记：{0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>CentreDialog</name>
    <message>
        <source>Edit centre</source>
        <translation>编辑中心</translation>
    </message>
    <message>
        <source>Add a centre to this site&apos;s list</source>
        <translation>向本机构名单添加中心</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>名称（英文）：</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>名称（中文）：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Coordinates (LAT,LON):</source>
        <translation>坐标（纬度,经度）：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <source>Phones (LABEL=NUMBER, one a line):</source>
        <translation>电话（标签=号码，每行一个）：</translation>
    </message>
    <message>
        <source>Products (comma-separated):</source>
        <translation>产品（逗号分隔）：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>ward=+86 871 0000 0000</source>
        <translation>病房=+86 871 0000 0000</translation>
    </message>
    <message>
        <source>Kunming, 昆明</source>
        <translation>昆明，Kunming</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>All populations</source>
        <translation>所有人群</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>治疗线</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>follow-up {0} mo</source>
        <translation>随访 {0} 个月</translation>
    </message>
    <message>
        <source>Export comparison as CSV</source>
        <translation>将比较表导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Compare trials</source>
        <translation>试验比较</translation>
    </message>
    <message>
        <source>Caution: these trials were not compared head-to-head. Populations, prior treatment, follow-up and definitions differ, so differences between trials may not be real. Each value is shown as its source reports it, with the denominator (n/N) and follow-up.</source>
        <translation>注意：这些试验并非头对头比较。各试验的人群、既往治疗、随访时间和定义不同，因此试验之间的差异未必真实存在。每个数值均按其来源报告的原样显示，并附分母（n/N）和随访时间。</translation>
    </message>
    <message>
        <source>&amp;Population:</source>
        <translation>人群(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;ohort:</source>
        <translation>队列(&amp;O)：</translation>
    </message>
    <message>
        <source>Myeloma studies only</source>
        <translation>仅显示骨髓瘤研究</translation>
    </message>
    <message>
        <source>Hide studies in other diseases (such as the NMOSD study)</source>
        <translation>隐藏其他疾病的研究（如 NMOSD 研究）</translation>
    </message>
    <message>
        <source>Ch&amp;art:</source>
        <translation>图表(&amp;A)：</translation>
    </message>
    <message>
        <source>Metric shown in the chart</source>
        <translation>图表中显示的指标</translation>
    </message>
    <message>
        <source>Chart of the chosen metric, one bar per trial</source>
        <translation>所选指标的图表，每个试验一条</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the table as it is shown (filters and order) with its sources</source>
        <translation>按当前显示（筛选和排序）保存表格及其来源</translation>
    </message>
    <message>
        <source>Copy with source</source>
        <translation>连同来源复制</translation>
    </message>
    <message>
        <source>Copy the selected values with their citations (Ctrl+C)</source>
        <translation>复制所选数值及其引用来源（Ctrl+C）</translation>
    </message>
    <message>
        <source>Population filter</source>
        <translation>人群筛选</translation>
    </message>
    <message>
        <source>Cohort filter</source>
        <translation>队列筛选</translation>
    </message>
    <message>
        <source>Export the comparison as CSV</source>
        <translation>将比较表导出为 CSV</translation>
    </message>
    <message>
        <source>Copy the selected values with their citations</source>
        <translation>复制所选数值及其引用来源</translation>
    </message>
    <message>
        <source>Trial comparison table</source>
        <translation>试验比较表</translation>
    </message>
    <message>
        <source>Trial comparison chart</source>
        <translation>试验比较图</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
</context>
<context>
    <name>ComparisonChart</name>
    <message>
        <source>No percentage results to chart for this selection.</source>
        <translation>当前选择没有可绘制的百分比结果。</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>follow-up {0} mo</source>
        <translation>随访 {0} 个月</translation>
    </message>
    <message>
        <source>Not reported for this cohort</source>
        <translation>该队列未报告</translation>
    </message>
    <message>
        <source>The source reports only stringent complete response (sCR); every sCR is a complete response or better, so ≥CR is at least this figure.</source>
        <translation>来源仅报告了严格意义的完全缓解（sCR）；每例 sCR 都属于完全缓解或更好，因此 ≥CR 至少为此数值。</translation>
    </message>
    <message>
        <source>Percentage computed from the count the source gives ({0}/{1}).</source>
        <translation>百分比根据来源给出的例数计算（{0}/{1}）。</translation>
    </message>
    <message>
        <source>cohort: {0}</source>
        <translation>队列：{0}</translation>
    </message>
    <message>
        <source>N = {0}</source>
        <translation>N = {0}</translation>
    </message>
    <message>
        <source>median follow-up {0} mo</source>
        <translation>中位随访 {0} 个月</translation>
    </message>
    <message>
        <source>analysis: {0}</source>
        <translation>分析：{0}</translation>
    </message>
    <message>
        <source>Source [{0}]: {1}</source>
        <translation>来源 [{0}]：{1}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong: {0}. The program is still running; the details were saved to the log.</source>
        <translation>出现错误：{0}。程序仍在运行；详细信息已保存到日志。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No knowledge base</source>
        <translation>没有知识库</translation>
    </message>
    <message>
        <source>The program cannot go on without its knowledge base: {0}</source>
        <translation>没有知识库，程序无法继续运行：{0}</translation>
    </message>
    <message>
        <source>CAR-T Reference</source>
        <translation>CAR-T 参考</translation>
    </message>
    <message>
        <source>Text size {0}%</source>
        <translation>文字大小 {0}%</translation>
    </message>
    <message>
        <source>Knowledge base updated to {0}</source>
        <translation>知识库已更新至 {0}</translation>
    </message>
    <message>
        <source>Knowledge base {0} · content date {1}</source>
        <translation>知识库 {0} · 内容日期 {1}</translation>
    </message>
    <message>
        <source>Content hash {0}; file {1}</source>
        <translation>内容哈希 {0}；文件 {1}</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Therapies</source>
        <translation>治疗产品</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>临床试验</translation>
    </message>
    <message>
        <source>Compare trials</source>
        <translation>试验比较</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>Patient journey</source>
        <translation>治疗历程</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>患者资料</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Recovery calendar</source>
        <translation>康复日历</translation>
    </message>
    <message>
        <source>Regulatory timeline</source>
        <translation>监管时间线</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>内容更新</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Language of the program</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Search therapies, trials, side effects, centres… (Ctrl+K)</source>
        <translation>搜索疗法、试验、不良反应、中心…（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search as you type. Down arrow: results; Enter: open; Esc: clear.</source>
        <translation>边输入边搜索。下箭头：结果；回车：打开；Esc：清除。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Search bar</source>
        <translation>搜索栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Text &amp;size</source>
        <translation>文字大小(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Import update…</source>
        <translation>导入更新…</translation>
    </message>
    <message>
        <source>Export comparison as CSV…</source>
        <translation>将比较表导出为 CSV…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Bookmark this page</source>
        <translation>收藏此页</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Follow the system (light or dark)</source>
        <translation>跟随系统（浅色或深色）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>About CAR-T Reference</source>
        <translation>关于 CAR-T 参考</translation>
    </message>
    <message>
        <source>Report a problem with this page…</source>
        <translation>报告此页面的问题…</translation>
    </message>
    <message>
        <source>Kept feedback (view or clear)…</source>
        <translation>已保存的反馈（查看或清除）…</translation>
    </message>
    <message>
        <source>Export feedback to a file…</source>
        <translation>将反馈导出到文件…</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>real-world study</source>
        <translation>真实世界研究</translation>
    </message>
    <message>
        <source>early phase 1</source>
        <translation>早期 1 期</translation>
    </message>
    <message>
        <source>phase {0}</source>
        <translation>{0} 期</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>Page not found</source>
        <translation>未找到页面</translation>
    </message>
    <message>
        <source>Nothing in this knowledge base is called {0}.</source>
        <translation>本知识库中没有名为 {0} 的内容。</translation>
    </message>
    <message>
        <source>Information, not medical advice. The product label and the treating team&apos;s protocol come first.</source>
        <translation>仅供参考，不构成医疗建议。以产品说明书和治疗团队的方案为准。</translation>
    </message>
    <message>
        <source>For patients and caregivers</source>
        <translation>面向患者和照护者</translation>
    </message>
    <message>
        <source>For clinicians</source>
        <translation>面向临床医生</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translated</source>
        <translation>已翻译</translation>
    </message>
    <message>
        <source>Machine-translated draft, not yet reviewed</source>
        <translation>机器翻译草稿，尚未审校</translation>
    </message>
    <message>
        <source>Reviewed translation</source>
        <translation>已审校译文</translation>
    </message>
    <message>
        <source>Reviewed {0}</source>
        <translation>审核于 {0}</translation>
    </message>
    <message>
        <source>No Chinese version of this article yet: the English text, reviewed {0}, is shown.</source>
        <translation>本文暂无中文版：以下为英文原文（审核于{0}）。</translation>
    </message>
    <message>
        <source>Not yet available in Chinese: showing the English text.</source>
        <translation>本文暂无中文版：以下为英文原文。</translation>
    </message>
    <message>
        <source>unknown source {0}</source>
        <translation>未知来源 {0}</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>primary source</source>
        <translation>原始来源</translation>
    </message>
    <message>
        <source>company statement</source>
        <translation>公司声明</translation>
    </message>
    <message>
        <source>secondary report</source>
        <translation>二手报道</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Therapies</source>
        <translation>治疗产品</translation>
    </message>
    <message>
        <source>Products, targets, doses and approvals</source>
        <translation>产品、靶点、剂量和批准情况</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>临床试验</translation>
    </message>
    <message>
        <source>Designs, populations and outcomes with sources</source>
        <translation>设计、人群和结果，均附来源</translation>
    </message>
    <message>
        <source>Compare trials</source>
        <translation>试验比较</translation>
    </message>
    <message>
        <source>Response and safety side by side (not head-to-head)</source>
        <translation>疗效和安全性并列对照（非头对头）</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>CRS, ICANS and other toxicities</source>
        <translation>CRS、ICANS 及其他毒性</translation>
    </message>
    <message>
        <source>Grading tools</source>
        <translation>分级工具</translation>
    </message>
    <message>
        <source>ASTCT CRS and ICANS grade, ICE score</source>
        <translation>ASTCT CRS 和 ICANS 分级、ICE 评分</translation>
    </message>
    <message>
        <source>Regulatory timeline</source>
        <translation>监管时间线</translation>
    </message>
    <message>
        <source>Approvals, label and rule changes by date</source>
        <translation>按日期列出的批准、说明书和规定变更</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>患者资料</translation>
    </message>
    <message>
        <source>Print personalised patient handouts</source>
        <translation>打印个性化患者资料</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <source>Treatment and trial centres, nearest first</source>
        <translation>治疗和试验中心，由近及远</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Pages you saved, your notes and history</source>
        <translation>您收藏的页面、笔记和历史记录</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>内容更新</translation>
    </message>
    <message>
        <source>What the last content update added or changed</source>
        <translation>最近一次内容更新新增或修改了什么</translation>
    </message>
    <message>
        <source>Patient journey</source>
        <translation>治疗历程</translation>
    </message>
    <message>
        <source>From referral to follow-up, step by step</source>
        <translation>从转诊到随访，逐步说明</translation>
    </message>
    <message>
        <source>Recovery calendar</source>
        <translation>康复日历</translation>
    </message>
    <message>
        <source>Your key days after the infusion, with dates</source>
        <translation>回输后的关键日子，附具体日期</translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>What to watch for and when to call</source>
        <translation>需要注意什么、何时联系医生</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Words explained in plain language</source>
        <translation>用通俗语言解释术语</translation>
    </message>
    <message>
        <source>For staff printing handouts</source>
        <translation>面向打印资料的工作人员</translation>
    </message>
    <message>
        <source>An offline reference on BCMA-targeted CAR-T cell therapy for relapsed or refractory multiple myeloma. Type in the search field above, or start from one of these pages.</source>
        <translation>关于靶向 BCMA 的 CAR-T 细胞疗法治疗复发或难治性多发性骨髓瘤的离线参考资料。请在上方搜索框中输入，或从以下页面开始。</translation>
    </message>
    <message>
        <source>Knowledge base {0}, content date {1}: {2} therapies, {3} trials, {4} articles, {5} sources.</source>
        <translation>知识库 {0}，内容日期 {1}：{2} 种疗法、{3} 项试验、{4} 篇文章、{5} 条来源。</translation>
    </message>
    <message>
        <source>CAR-T Reference</source>
        <translation>CAR-T 参考</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Also available:</source>
        <translation>另有版本：</translation>
    </message>
    <message>
        <source>Further sources:</source>
        <translation>其他来源：</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>靶点</translation>
    </message>
    <message>
        <source>Construct</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>代号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已获批</translation>
    </message>
    <message>
        <source>Investigational</source>
        <translation>研究中</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>批准情况</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>适应症</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Label versions read</source>
        <translation>已查阅的说明书版本</translation>
    </message>
    <message>
        <source>Labels last read on %1.</source>
        <translation>说明书最近查阅于 %1。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>查阅日期</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Key trials</source>
        <translation>关键试验</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>{0} mo</source>
        <translation>{0} 个月</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>治疗线</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>Registry ids</source>
        <translation>注册号</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Each value as the source reports it, with its denominator (n/N), follow-up and analysis.</source>
        <translation>每个数值均按来源报告的原样列出，并附分母（n/N）、随访时间和分析。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <source>Patients infused in this analysis</source>
        <translation>本次分析中的回输患者数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>not given by the source</source>
        <translation>来源未给出</translation>
    </message>
    <message>
        <source>In plain language</source>
        <translation>通俗解释</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approval (announced)</source>
        <translation>批准（已宣布）</translation>
    </message>
    <message>
        <source>Marketing application accepted</source>
        <translation>上市申请已受理</translation>
    </message>
    <message>
        <source>Label expansion</source>
        <translation>适应证扩展</translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation>期刊论文</translation>
    </message>
    <message>
        <source>Secondary report</source>
        <translation>二手报道</translation>
    </message>
    <message>
        <source>Conference abstract</source>
        <translation>会议摘要</translation>
    </message>
    <message>
        <source>Press release</source>
        <translation>新闻稿</translation>
    </message>
    <message>
        <source>Trial registry</source>
        <translation>临床试验注册</translation>
    </message>
    <message>
        <source>Product label</source>
        <translation>产品说明书</translation>
    </message>
    <message>
        <source>Regulator&apos;s document</source>
        <translation>监管机构文件</translation>
    </message>
    <message>
        <source>Guideline</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Trial site</source>
        <translation>试验中心</translation>
    </message>
    <message>
        <source>Certified treatment centre</source>
        <translation>认证治疗中心</translation>
    </message>
    <message>
        <source>city centre (approximate)</source>
        <translation>城市中心（近似）</translation>
    </message>
    <message>
        <source>site</source>
        <translation>具体地址</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Map position</source>
        <translation>地图位置</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>注册号</translation>
    </message>
    <message>
        <source>Address (not opened by this program)</source>
        <translation>网址（本程序不会打开）</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>核查内容</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Source {0}</source>
        <translation>来源 {0}</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <source>Bookmark this page</source>
        <translation>收藏此页</translation>
    </message>
    <message>
        <source>Reading pane</source>
        <translation>阅读区</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Your own note on this page (kept on this computer only)</source>
        <translation>您在此页的笔记（仅保存在本机）</translation>
    </message>
    <message>
        <source>Show or hide your note on this page</source>
        <translation>显示或隐藏您在此页的笔记</translation>
    </message>
    <message>
        <source>Your note on this page</source>
        <translation>您在此页的笔记</translation>
    </message>
    <message>
        <source>Your own note on this page. It is saved on this computer and never changes the reference.</source>
        <translation>您在此页的笔记。它只保存在本机，绝不会改变参考资料。</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Therapies</source>
        <translation>治疗产品</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>临床试验</translation>
    </message>
    <message>
        <source>Trial results</source>
        <translation>试验结果</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <source>Showing results for “{0}”</source>
        <translation>正在显示“{0}”的结果</translation>
    </message>
    <message>
        <source>{0} results</source>
        <translation>共 {0} 条结果</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>未找到“{0}”的相关内容。</translation>
    </message>
    <message>
        <source>Check the spelling, use fewer words, or try one of these:</source>
        <translation>请检查拼写、减少词语，或试试以下词语：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>任何语言</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Filter results by kind</source>
        <translation>按类型筛选结果</translation>
    </message>
    <message>
        <source>Filter results by language</source>
        <translation>按语言筛选结果</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
    <message>
        <source>Corrected query</source>
        <translation>已更正的查询</translation>
    </message>
</context>
<context>
    <name>SectionList</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <source>For patients and caregivers</source>
        <translation>面向患者和照护者</translation>
    </message>
    <message>
        <source>For clinicians</source>
        <translation>面向临床医生</translation>
    </message>
    <message>
        <source>for patients</source>
        <translation>面向患者</translation>
    </message>
    <message>
        <source>for clinicians</source>
        <translation>面向临床医生</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>显示 {0} / {1}</translation>
    </message>
    <message>
        <source>Nothing in this section yet.</source>
        <translation>此部分暂无内容。</translation>
    </message>
    <message>
        <source>Therapies</source>
        <translation>治疗产品</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>临床试验</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>Patient journey</source>
        <translation>治疗历程</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Filter this list</source>
        <translation>筛选此列表</translation>
    </message>
    <message>
        <source>Filter {0}</source>
        <translation>筛选{0}</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有读者</translation>
    </message>
    <message>
        <source>Patients and caregivers</source>
        <translation>患者和照护者</translation>
    </message>
    <message>
        <source>Clinicians</source>
        <translation>临床医生</translation>
    </message>
    <message>
        <source>Show pages for</source>
        <translation>显示面向以下读者的页面</translation>
    </message>
</context>
</TS>
